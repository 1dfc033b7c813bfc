import Foundation
import Testing
import TrafficCore

/// Our own corpus of documented Gateway API / Envoy Gateway / KEDA usage patterns
/// (`testdata/validate/valid`, each file also accepted by the strict offline checker
/// kube-conform in CI): no error findings, and every object is checked against a known schema.
@Suite struct ValidCorpusTests {
    static let folder = TestFiles.testdata.appendingPathComponent("validate/valid")

    static var files: [String] { TestFiles.yamlFiles(under: folder) }

    @Test func corpusIsPresent() { #expect(Self.files.count >= 6) }

    @Test(arguments: files)
    func patternValidatesWithoutErrors(_ file: String) throws {
        let report = ManifestValidator().validate(bytes: try TestFiles.bytes(Self.folder.appendingPathComponent(file)), source: file)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.line).joined(separator: "\n"))")
        let unknown = report.findings.filter { $0.code == Diagnostic.unknownKind.code }
        #expect(unknown.isEmpty, "\(unknown.map(\.line).joined(separator: "\n"))")
    }

    @Test(arguments: TestFiles.exampleNames())
    func renderedExamplesValidateWithoutErrors(_ name: String) throws {
        let url = TestFiles.examples.appendingPathComponent("\(name)/manifests.yaml")
        let report = ManifestValidator().validate(bytes: try TestFiles.bytes(url), source: "examples/\(name)/manifests.yaml")
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.line).joined(separator: "\n"))")
        #expect(!report.findings.contains { $0.code == Diagnostic.unknownKind.code }, "every kind we render has a built-in schema")
    }
}
