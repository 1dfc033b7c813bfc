import Testing
import TrafficCore

/// One row of an analyzer's table test: a bundle, and the finding one code must produce there
/// (or that the code must stay silent). Findings of other codes are ignored, as other checks
/// (schemas, other analyzers) may report on the same bundle.
struct AnalyzerCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var code: String
    var yaml: String
    /// nil when `code` must not be reported.
    var expected: Expected?

    struct Expected: Sendable {
        var severity: Severity
        var path: String
        /// A fragment the message must contain.
        var message: String
    }

    static func fails(_ description: String, _ code: String, _ severity: Severity, at path: String, _ message: String,
                      yaml: String) -> AnalyzerCase {
        AnalyzerCase(testDescription: "\(code) fails: \(description)", code: code, yaml: yaml,
                     expected: Expected(severity: severity, path: path, message: message))
    }

    static func passes(_ description: String, _ code: String, yaml: String) -> AnalyzerCase {
        AnalyzerCase(testDescription: "\(code) passes: \(description)", code: code, yaml: yaml, expected: nil)
    }

    func check(_ analyzer: any ManifestAnalyzer, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(analyzer.diagnostics.contains { $0.code == code }, "\(code) is not among the analyzer's diagnostics",
                sourceLocation: sourceLocation)
        let report = ManifestValidator(analyzers: [analyzer]).validate(bytes: Array(yaml.utf8), source: "t.yaml")
        let findings = report.findings.filter { $0.code == code }
        let listing = findings.map { "\($0.severity) \($0.path): \($0.message)" }.joined(separator: "\n")
        guard let expected else {
            #expect(findings.isEmpty, "unexpected \(code):\n\(listing)", sourceLocation: sourceLocation)
            return
        }
        #expect(findings.count == 1, "expected one \(code), got:\n\(listing)", sourceLocation: sourceLocation)
        #expect(
            findings.contains { $0.severity == expected.severity && $0.path == expected.path && $0.message.contains(expected.message) },
            "expected \(expected.severity) \(expected.path) containing \"\(expected.message)\", got:\n\(listing)",
            sourceLocation: sourceLocation)
        #expect(findings.allSatisfy { $0.location != nil }, "every finding has a line", sourceLocation: sourceLocation)
    }

    /// Every code the analyzer declares has a failing and a passing row.
    static func checkCoverage(_ cases: [AnalyzerCase], of analyzer: any ManifestAnalyzer,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let declared = Set(analyzer.diagnostics.map(\.code))
        #expect(Set(cases.filter { $0.expected != nil }.map(\.code)) == declared, "a failing case per code", sourceLocation: sourceLocation)
        #expect(Set(cases.filter { $0.expected == nil }.map(\.code)) == declared, "a passing case per code", sourceLocation: sourceLocation)
    }
}
