import Foundation
import Testing
import TrafficCore

/// The upstream example corpus (`../shared/corpus`): every valid file validates without an
/// error finding, every invalid file gives at least one error.
@Suite struct CorpusTests {
    static let corpus = TestFiles.shared.appendingPathComponent("corpus")

    static var validFiles: [String] {
        TestFiles.yamlFiles(under: corpus).filter { $0.contains("/valid/") }
    }

    static var invalidFiles: [String] {
        TestFiles.yamlFiles(under: corpus).filter { $0.contains("/invalid/") }
    }

    @Test(arguments: validFiles)
    func validFileHasNoErrors(_ file: String) throws {
        let report = ManifestValidator().validate(bytes: try TestFiles.bytes(Self.corpus.appendingPathComponent(file)), source: file)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.resource?.label ?? "") \($0.path): \($0.message)" }.joined(separator: "\n"))")
    }

    @Test(arguments: invalidFiles)
    func invalidFileHasAnError(_ file: String) throws {
        let report = ManifestValidator().validate(bytes: try TestFiles.bytes(Self.corpus.appendingPathComponent(file)), source: file)
        #expect(report.count(.error) > 0, "no error for \(file); findings: \(report.findings.map(\.message))")
    }

    @Test func corpusIsPresent() {
        #expect(Self.validFiles.count >= 100)
        #expect(Self.invalidFiles.count >= 35)
    }
}
