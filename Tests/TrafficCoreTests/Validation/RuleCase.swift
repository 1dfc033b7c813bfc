import Testing
import TrafficCore

/// One row of a rules table test: a manifest and the error it must produce (or none).
struct RuleCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var yaml: String
    /// The error that must be reported (code, message fragment, path); nil for a valid manifest.
    var expected: (code: String, message: String, path: String)?

    /// Validates the row without analyzers (rules only) and checks the outcome.
    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let report = ManifestValidator(analyzers: []).validate(bytes: Array(yaml.utf8), source: "t.yaml")
        let errors = report.findings.filter { $0.severity == .error }
        let shown = "\(errors.map { "\($0.code) \($0.path): \($0.message)" })"
        guard let expected else {
            #expect(errors.isEmpty, "\(shown)", sourceLocation: sourceLocation)
            return
        }
        #expect(
            errors.contains { $0.code == expected.code && $0.path == expected.path && $0.message.contains(expected.message) },
            "\(shown)", sourceLocation: sourceLocation)
    }
}
