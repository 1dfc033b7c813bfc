import Testing
import TrafficCore

@Suite struct DocumentParserTests {
    let parser = DocumentParser()

    private func parse(_ text: String, _ format: SourceFormat = .yaml) throws -> SourceNode {
        try parser.parseSingle(Array(text.utf8), format: format)
    }

    private func failure(_ text: String, _ format: SourceFormat = .yaml) -> DocumentError? {
        do {
            _ = try parser.parseAll(Array(text.utf8), format: format)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("a: 1", JSONValue.integer(1)),
        ("a: -7", .integer(-7)),
        ("a: 0x1F", .integer(31)),
        ("a: 0o17", .integer(15)),
        ("a: 1.5", .double(1.5)),
        ("a: 1.5e3", .double(1500)),
        ("a: true", .bool(true)),
        ("a: False", .bool(false)),
        ("a: ~", .null),
        ("a:", .null),
        ("a: no", .string("no")),
        ("a: on", .string("on")),
        ("a: '1'", .string("1")),
        ("a: \"true\"", .string("true")),
        ("a: 1_000", .string("1_000")),
        ("a: !!str 5", .string("5")),
        ("a: 12:30", .string("12:30")),
        ("a: 2026-11-22", .string("2026-11-22")),
    ])
    func coreSchemaTypesPlainScalars(yaml: String, expected: JSONValue) throws {
        #expect(try parse(yaml).jsonValue["a"] == expected)
    }

    @Test func yaml11SchemaReadsKubernetesBooleans() throws {
        let kube = DocumentParser(schema: .yaml11)
        let node = try kube.parseSingle(Array("a: yes\nb: off\nc: 'on'".utf8), format: .yaml)
        #expect(node.jsonValue == ["a": true, "b": false, "c": "on"])
    }

    @Test func locationsPointAtKeysAndValues() throws {
        let node = try parse("name: x\nroutes:\n  - path: /a\n    weight: 5\n")
        let routes = try #require(node["routes"])
        guard case .sequence(let items) = routes.value else { Issue.record("not a sequence"); return }
        let entry = try #require(items.first?.entries?.first { $0.key == "weight" })
        #expect(entry.keyLocation == SourceLocation(line: 4, column: 5))
        #expect(entry.value.location == SourceLocation(line: 4, column: 13))
    }

    @Test func duplicateKeysAreErrorsWithPosition() {
        let error = failure("a: 1\nb: 2\na: 3\n")
        #expect(error?.reason == .duplicateKey("a"))
        #expect(error?.location == SourceLocation(line: 3, column: 1), "the second occurrence of the key")
    }

    @Test func duplicateKeysInJSONAreErrors() {
        #expect(failure(#"{"a":1,"a":2}"#, .json)?.reason == .duplicateKey("a"))
    }

    @Test func syntaxErrorsCarryPositionButNotTheInput() throws {
        let secret = "hunter2-secret-value"
        let error = try #require(failure("a: [1, 2\nb: \(secret)\n"))
        #expect(error.reason == .syntax)
        #expect(error.location != nil)
        #expect(!error.description.contains(secret))
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        var bytes = Array("name: ok\nx: ".utf8)
        bytes.append(0xC3)
        bytes.append(0x28)
        do {
            _ = try parser.parseAll(bytes, format: .yaml)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .invalidUTF8(offset: 12))
        }
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1".utf8)
        #expect(try parser.parseSingle(bytes, format: .yaml).jsonValue == ["a": 1])
    }

    @Test func aliasBombStopsAtTheNodeLimit() {
        var yaml = "a: &a [x,x,x,x,x,x,x,x,x]\n"
        var previous = "a"
        for level in 0..<9 {
            let name = "b\(level)"
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        #expect(failure(yaml)?.reason == .tooManyNodes(limit: DocumentParser.Limits().maxNodes))
    }

    @Test func smallAliasesExpand() throws {
        let node = try parse("base: &b {x: 1}\ncopy: *b\n")
        #expect(node.jsonValue["copy"] == ["x": 1])
    }

    @Test func deepNestingIsRefused() {
        let depth = 500
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(failure(text)?.reason == .tooDeep(limit: DocumentParser.Limits().maxDepth))
        // Past libyaml's own limit (1,000) the parser stops first; it is still "too deep".
        let deeper = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(failure(deeper)?.reason == .tooDeep(limit: DocumentParser.Limits().maxDepth))
    }

    @Test(arguments: ["a: 99999999999999999999", "a: .inf", "a: 1e999"])
    func unrepresentableNumbersAreRefused(yaml: String) {
        guard case .numberOutOfRange = failure(yaml)?.reason else {
            Issue.record("expected numberOutOfRange for \(yaml)")
            return
        }
    }

    @Test(arguments: ["{a: 1}", "{\"a\": 'x'}", "# c\n{\"a\": 1}", "{\"a\": yes}"])
    func yamlOnlySyntaxIsNotJSON(text: String) {
        #expect(failure(text, .json)?.reason == .syntax)
    }

    @Test func jsonWithUnicodeEscapesParses() throws {
        let node = try parse(#"{"a":"x\u00e9\n","b":[1,2.5,null,true]}"#, .json)
        #expect(node.jsonValue == ["a": "xé\n", "b": [1, .double(2.5), nil, true]])
    }

    @Test func multipleDocumentsAreSplit() throws {
        let documents = try parser.parseAll(Array("a: 1\n---\nb: 2\n".utf8), format: .yaml)
        #expect(documents.count == 2)
        #expect(throws: DocumentError.self) { try parse("a: 1\n---\nb: 2\n") }
    }
}
