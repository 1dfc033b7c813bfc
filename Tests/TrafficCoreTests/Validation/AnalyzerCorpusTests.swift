import Foundation
import Testing
import TrafficCore

/// The analyzers on manifests known to be valid: the upstream corpus (each file alone, and each
/// folder as one bundle, so references between files resolve), our own corpus of usage
/// patterns, and what trafficspec itself renders. None may give an error.
@Suite struct AnalyzerCorpusTests {
    static let corpus = TestFiles.shared.appendingPathComponent("corpus")
    static let patterns = TestFiles.testdata.appendingPathComponent("validate/valid")
    static let analyzerCodes = Set(ManifestAnalyzers.all.flatMap(\.diagnostics).map(\.code))

    static var validFiles: [String] {
        TestFiles.yamlFiles(under: corpus).filter { $0.contains("/valid/") }
    }

    /// Folders of the valid corpus, each with its YAML files.
    static var validFolders: [String] {
        Set(validFiles.map { ($0 as NSString).deletingLastPathComponent }).sorted()
    }

    static func analyzerErrors(_ inputs: [ManifestValidator.Input]) -> [String] {
        ManifestValidator().validate(inputs).findings
            .filter { analyzerCodes.contains($0.code) && $0.severity == .error }
            .map { "\($0.source) \($0.code) \($0.resource?.label ?? "") \($0.path): \($0.message)" }
    }

    static func input(_ url: URL, source: String) throws -> ManifestValidator.Input {
        ManifestValidator.Input(source: source, bytes: try TestFiles.bytes(url))
    }

    @Test(arguments: validFiles)
    func upstreamFile(_ file: String) throws {
        let errors = Self.analyzerErrors([try Self.input(Self.corpus.appendingPathComponent(file), source: file)])
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    /// Folders whose files form one setup (no object defined twice) validate together; folders
    /// of independent examples that each define their own `eg` Gateway are skipped.
    @Test func upstreamFoldersAsOneBundle() throws {
        var bundles = 0
        for folder in Self.validFolders {
            let files = Self.validFiles.filter { ($0 as NSString).deletingLastPathComponent == folder }
            let inputs = try files.map { try Self.input(Self.corpus.appendingPathComponent($0), source: $0) }
            let findings = ManifestValidator().validate(inputs).findings
            guard files.count > 1, !findings.contains(where: { $0.code == Diagnostic.duplicateObject.code }) else { continue }
            bundles += 1
            let errors = findings.filter { Self.analyzerCodes.contains($0.code) && $0.severity == .error }
            #expect(errors.isEmpty, "\(folder): \(errors.map { "\($0.source) \($0.code) \($0.path): \($0.message)" }.joined(separator: "\n"))")
        }
        #expect(bundles >= 8, "folders checked as one bundle: \(bundles)")
    }

    @Test(arguments: TestFiles.yamlFiles(under: patterns))
    func usagePattern(_ file: String) throws {
        let errors = Self.analyzerErrors([try Self.input(Self.patterns.appendingPathComponent(file), source: file)])
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    @Test(arguments: TestFiles.exampleNames())
    func renderedExample(_ name: String) throws {
        let folder = TestFiles.examples.appendingPathComponent(name)
        let manifests = try Self.input(folder.appendingPathComponent("manifests.yaml"), source: "examples/\(name)/manifests.yaml")
        let spec = try Self.input(folder.appendingPathComponent("spec.yaml"), source: "examples/\(name)/spec.yaml")
        #expect(Self.analyzerErrors([manifests]).isEmpty, "\(Self.analyzerErrors([manifests]).joined(separator: "\n"))")
        #expect(Self.analyzerErrors([spec]).isEmpty, "\(Self.analyzerErrors([spec]).joined(separator: "\n"))")
    }

    @Test(arguments: TestFiles.renderCases())
    func renderedGoldenCase(_ name: String) throws {
        let url = TestFiles.testdata.appendingPathComponent("render/\(name).in.yaml")
        let errors = Self.analyzerErrors([try Self.input(url, source: "render/\(name).in.yaml")])
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    /// A large bundle (1,500 routes, Services and policies) gives exactly the findings its
    /// parts give; speed is measured by trafficspec-bench, not asserted here.
    @Test func largeBundleFindingsScaleWithIt() {
        var yaml = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: eg, namespace: apps}\nspec:\n  gatewayClassName: eg\n  listeners: [{name: http, protocol: HTTP, port: 80}]\n"
        for index in 0..<500 {
            yaml += """
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r\(index), namespace: apps}
                spec:
                  parentRefs: [{name: eg, sectionName: http}]
                  hostnames: [h\(index).example.com]
                  rules: [{matches: [{path: {value: /}}], backendRefs: [{name: s\(index), port: 80}]}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: s\(index), namespace: apps}
                spec: {ports: [{port: 80}]}
                ---
                apiVersion: gateway.envoyproxy.io/v1alpha1
                kind: BackendTrafficPolicy
                metadata: {name: p\(index), namespace: apps}
                spec:
                  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r\(index)}]
                  rateLimit: {local: {rules: [{clientSelectors: [{headers: [{name: x-user, type: Distinct}]}], limit: {requests: 1, unit: Second}}]}}

                """
        }
        let bundle = ManifestBundle(objects: ManifestReader().read(Array(yaml.utf8), source: "big.yaml").objects)
        #expect(bundle.objects.count == 1501)
        var findings: [Finding] = []
        for analyzer in ManifestAnalyzers.all { analyzer.analyze(bundle, into: &findings) }
        #expect(findings.filter { $0.severity == .error }.isEmpty)
        #expect(findings.filter { $0.code == "TS5005" }.count == 500)
    }
}
