import Testing
import TrafficCore

@Suite struct JSONValueTests {
    @Test func canonicalTextSortsKeysAndDropsWhitespace() {
        let value: JSONValue = ["b": [1, "x"], "a": ["d": nil, "c": true]]
        #expect(value.canonicalText == #"{"a":{"c":true,"d":null},"b":[1,"x"]}"#)
    }

    @Test func objectEqualityIgnoresKeyOrder() {
        let first: JSONValue = ["a": 1, "b": 2]
        let second: JSONValue = ["b": 2, "a": 1]
        #expect(first == second)
        #expect(first.serialized() != second.serialized())
        #expect(first.canonicalText == second.canonicalText)
    }

    @Test func integralDoublesHaveOneCanonicalForm() {
        #expect(JSONValue.double(1500).canonicalText == JSONValue.integer(1500).canonicalText)
        #expect(JSONValue.double(0.25).canonicalText == "0.25")
    }

    @Test func stringsAreEscapedPerRFC8259() {
        let value = JSONValue.string("q\"b\\n\n\u{01}é")
        #expect(value.canonicalText == #""q\"b\\n\n\u0001é""#)
    }

    @Test func prettyOutputKeepsInsertionOrder() {
        let value: JSONValue = ["z": 1, "a": [true]]
        #expect(value.serialized(.init(pretty: true)) == "{\n  \"z\": 1,\n  \"a\": [\n    true\n  ]\n}\n")
    }

    @Test func yamlAndJSONOfTheSameContentShareADigest() throws {
        let yaml = try SpecDocument.parse(Array("name: task-api\nport: 80\ntags: [a, b]\n".utf8), format: .yaml)
        let json = try SpecDocument.parse(Array(#"{"tags":["a","b"],"port":80.0,"name":"task-api"}"#.utf8), format: .json)
        #expect(yaml.digest == json.digest)
        #expect(yaml.digest.count == 64)
    }
}
