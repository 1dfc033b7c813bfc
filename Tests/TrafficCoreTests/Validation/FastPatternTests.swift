import Testing
import TestSupport
@testable import TrafficCore

/// Each hand-written matcher answers exactly as the regular expression it replaces.
@Suite struct FastPatternTests {
    static let sources = [
        #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, #"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"#,
        #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#,
        #"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#,
        #"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#,
        #"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$"#, #"^([0-9]{1,5}(h|m|s|ms)){1,4}$"#,
        #"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$"#,
    ]

    @Test(arguments: sources)
    func agreesWithTheRegularExpression(_ source: String) throws {
        let pattern = SchemaPattern(source)
        #expect(pattern.isValid)
        let fast = try #require(FastPattern.matcher(for: source))
        let fixed = ["", "a", "-", "a-", "-a", "a.b", "a..b", ".a", "a.", "*.a.b", "*.", "*", "A", "Ab-9", "9a", "a_b",
                     "1h", "1ms", "10m30s", "123456s", "1h1m1s1ms", "1h1m1s1ms1h", "ms", "1x", "x-header", "a b", "é",
                     "gateway.networking.k8s.io", "HTTPRoute", "my-service", "a/b", "1m5"]
        for text in fixed {
            #expect(fast(text) == pattern.matchesByExpression(text), "\(source) on \"\(text)\"")
        }
        var random = SplitMix64(seed: UInt64(source.utf8.count))
        let alphabet = Array("ab9Z-.*hms0_/ !é")
        for _ in 0..<3000 {
            let text = String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(fast(text) == pattern.matchesByExpression(text), "\(source) on \"\(text)\"")
        }
    }
}
