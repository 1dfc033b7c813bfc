import Testing
import TrafficCore

@Suite struct YAMLTextTests {
    @Test(arguments: ["50", "1.0", "true", "on", "no", "y", "null", "~", "0755", "0x1F", "1_000", "12:30",
        "2026-11-22", "1e3", ".inf", "", "-1"])
    func typedLookingStringsAreQuotedAndReadBackAsStrings(text: String) throws {
        let yaml = YAMLText.document(["value": .string(text)])
        #expect(yaml.contains("\"\(text)\""), "\(yaml)")
        for schema in [DocumentParser.ScalarSchema.core, .yaml11] {
            let parsed = try DocumentParser(schema: schema).parseSingle(Array(yaml.utf8), format: .yaml)
            #expect(parsed.jsonValue["value"] == .string(text))
        }
    }

    @Test(arguments: ["task-api", "/api/v1", "x-user-id", "http://prom:9090", "sum(rate(x[2m]))", "a: b", "#tag"])
    func ordinaryStringsRoundTrip(text: String) throws {
        let yaml = YAMLText.document(["value": .string(text)])
        let parsed = try DocumentParser().parseSingle(Array(yaml.utf8), format: .yaml)
        #expect(parsed.jsonValue["value"] == .string(text))
    }

    @Test func keepsKeyOrderAndUsesBlockStyle() {
        let value: JSONValue = ["kind": "Gateway", "apiVersion": "v1", "spec": ["ports": [80, 443], "empty": [:]]]
        #expect(YAMLText.document(value) == "kind: Gateway\napiVersion: v1\nspec:\n  ports:\n  - 80\n  - 443\n  empty: {}\n")
    }

    @Test func multiLineStringsRoundTrip() throws {
        let text = "line one\nline two\n"
        let yaml = YAMLText.document(["query": .string(text)])
        let parsed = try DocumentParser().parseSingle(Array(yaml.utf8), format: .yaml)
        #expect(parsed.jsonValue["query"] == .string(text))
    }
}
