@testable import TrafficCore
import Testing

/// RFC 6901 pointers and RFC 6902 `JSONPatch.apply`, including its errors.
@Suite struct JSONPatchDiffTests {
    @Test func pointerEscaping() {
        #expect(JSONPointer.escape("plain") == "plain")
        #expect(JSONPointer.escape("a/b") == "a~1b")
        #expect(JSONPointer.escape("m~n") == "m~0n")
        #expect(JSONPointer.escape("~1") == "~01")
        #expect(JSONPointer.appending("app.kubernetes.io/name", to: "/metadata/labels") == "/metadata/labels/app.kubernetes.io~1name")
        #expect(JSONPointer.tokens("") == [])
        #expect(JSONPointer.tokens("/") == [""])
        #expect(JSONPointer.tokens("/a~1b/m~0n/~01") == ["a/b", "m~n", "~1"])
        #expect(JSONPointer.tokens("a") == nil)
        #expect(JSONPointer.tokens("/a~2") == nil)
        #expect(JSONPointer.tokens("/a~") == nil)
    }

    @Test func escapedPointerRoundTripsThroughApply() throws {
        let document: JSONValue = ["a/b": ["m~n": 1]]
        let path = JSONPointer.appending("m~n", to: JSONPointer.appending("a/b", to: ""))
        #expect(try JSONPatch.apply([.init(op: .replace, path: path, value: 2)], to: document) == ["a/b": ["m~n": 2]])
    }

    /// The examples of RFC 6902 appendix A that the differ's operations rely on.
    @Test func rfcExamples() throws {
        let object: JSONValue = ["foo": "bar"]
        #expect(try JSONPatch.apply([.init(op: .add, path: "/baz", value: "qux")], to: object) == ["foo": "bar", "baz": "qux"])
        let list: JSONValue = ["foo": ["bar", "baz"]]
        #expect(try JSONPatch.apply([.init(op: .add, path: "/foo/1", value: "qux")], to: list) == ["foo": ["bar", "qux", "baz"]])
        #expect(try JSONPatch.apply([.init(op: .add, path: "/foo/-", value: "end")], to: list) == ["foo": ["bar", "baz", "end"]])
        #expect(try JSONPatch.apply([.init(op: .remove, path: "/foo/0")], to: list) == ["foo": ["baz"]])
        #expect(try JSONPatch.apply([.init(op: .replace, path: "/foo", value: 1)], to: list) == ["foo": 1])
        let nested: JSONValue = ["foo": ["bar": "baz", "waldo": "fred"], "qux": ["corge": "grault"]]
        #expect(try JSONPatch.apply([.init(op: .move, path: "/qux/thud", from: "/foo/waldo")], to: nested)
            == ["foo": ["bar": "baz"], "qux": ["corge": "grault", "thud": "fred"]])
        let letters: JSONValue = ["foo": ["all", "grass", "cows", "eat"]]
        #expect(try JSONPatch.apply([.init(op: .move, path: "/foo/3", from: "/foo/1")], to: letters)
            == ["foo": ["all", "cows", "eat", "grass"]])
        #expect(try JSONPatch.apply([.init(op: .add, path: "", value: 5)], to: object) == 5)
        #expect(try JSONPatch.apply([.init(op: .test, path: "/foo", value: "bar"), .init(op: .copy, path: "/c", from: "/foo")],
            to: object) == ["foo": "bar", "c": "bar"])
    }

    @Test func errors() {
        let document: JSONValue = ["foo": ["bar", "baz"], "n": 1]
        func failure(_ operation: JSONPatchOperation) -> JSONPatchError? {
            do {
                _ = try JSONPatch.apply([operation], to: document)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure(.init(op: .remove, path: "/missing")) == .pathNotFound("/missing"))
        #expect(failure(.init(op: .replace, path: "/missing", value: 1)) == .pathNotFound("/missing"))
        #expect(failure(.init(op: .add, path: "/missing/child", value: 1)) == .pathNotFound("/missing/child"))
        #expect(failure(.init(op: .add, path: "/n/child", value: 1)) == .pathNotFound("/n/child"))
        #expect(failure(.init(op: .add, path: "/foo/3", value: 1)) == .invalidIndex("/foo/3"))
        #expect(failure(.init(op: .add, path: "/foo/01", value: 1)) == .invalidIndex("/foo/01"))
        #expect(failure(.init(op: .remove, path: "/foo/2")) == .pathNotFound("/foo/2"))
        #expect(failure(.init(op: .remove, path: "/foo/-")) == .invalidIndex("/foo/-"))
        #expect(failure(.init(op: .replace, path: "/foo/x", value: 1)) == .invalidIndex("/foo/x"))
        #expect(failure(.init(op: .add, path: "foo", value: 1)) == .invalidPointer("foo"))
        #expect(failure(.init(op: .add, path: "/foo")) == .missingArgument(op: "add", argument: "value"))
        #expect(failure(.init(op: .move, path: "/foo")) == .missingArgument(op: "move", argument: "from"))
        #expect(failure(.init(op: .move, path: "/foo/0/x", from: "/foo")) == .moveIntoChild(from: "/foo", path: "/foo/0/x"))
        #expect(failure(.init(op: .move, path: "/x", from: "/nope")) == .pathNotFound("/nope"))
        #expect(failure(.init(op: .remove, path: "")) == .cannotRemoveRoot)
        #expect(failure(.init(op: .test, path: "/n", value: 2)) == .testFailed("/n"))
    }

    @Test func operationJSON() {
        #expect(JSONPatchOperation(op: .move, path: "/a/1", from: "/a/0").json.serialized() == #"{"op":"move","from":"/a/0","path":"/a/1"}"#)
        #expect(JSONPatchOperation(op: .replace, path: "/n", value: 2).json.serialized() == #"{"op":"replace","path":"/n","value":2}"#)
    }
}
