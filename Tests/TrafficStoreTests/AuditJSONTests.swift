import Testing
import TrafficCore
@testable import TrafficStore

@Suite struct AuditJSONTests {
    /// The audit chain and content digests must use one canonical form; keys that order
    /// differently by UTF-8 bytes and by UTF-16 code units (U+FF61 vs U+1F600) pin the RFC 8785 rule.
    @Test func auditCanonicalFormIsTheCoreCanonicalForm() {
        let audit = AuditJSON.object([
            "\u{FF61}": .string("half-width"), "\u{1F600}": .integer(-5), "b": .string("q\"\\\n\u{01}é"),
            "a": .object(["z": .integer(1), "y": .string("")]),
        ])
        let core: JSONValue = [
            "\u{FF61}": "half-width", "\u{1F600}": -5, "b": "q\"\\\n\u{01}é", "a": ["z": 1, "y": ""],
        ]
        #expect(audit.text == core.canonicalText)
        #expect(audit.text.hasPrefix(#"{"a":{"y":"","z":1},"b":"q\"\\\n\u0001é","😀":-5,"｡""#))
    }
}
