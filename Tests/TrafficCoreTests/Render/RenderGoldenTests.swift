import Foundation
import Testing
@testable import TrafficCore

/// One golden case per spec feature: `testdata/render/<case>.in.yaml` renders to `<case>.out.yaml`.
@Suite struct RenderGoldenTests {
    static let context = RenderContext(revision: 3, digest: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")

    @Test(arguments: TestFiles.renderCases())
    func rendersGolden(_ name: String) throws {
        let folder = TestFiles.testdata.appendingPathComponent("render")
        let spec = try SpecFixtures.spec(try TestFiles.read(folder.appendingPathComponent("\(name).in.yaml")))
        let yaml = ManifestEncoder.yaml(ManifestRenderer.render(spec, context: Self.context))
        Golden.check(yaml, against: folder.appendingPathComponent("\(name).out.yaml"))
    }

    @Test func thereAreGoldenCases() {
        #expect(TestFiles.renderCases().count >= 20)
    }
}

/// The committed examples: `examples/<name>/spec.yaml` renders (statelessly) to `manifests.yaml`.
@Suite struct ExampleTests {
    @Test(arguments: TestFiles.exampleNames())
    func exampleMatchesCommittedManifests(_ name: String) throws {
        let folder = TestFiles.examples.appendingPathComponent(name)
        let bytes = try TestFiles.bytes(folder.appendingPathComponent("spec.yaml"))
        switch ManifestRenderer.renderYAML(bytes, format: .yaml) {
        case .success(let yaml):
            Golden.check(yaml, against: folder.appendingPathComponent("manifests.yaml"))
        case .failure(let failure):
            Issue.record("example \(name) does not decode: \(failure)")
        }
    }

    @Test func requiredExamplesExist() {
        let names = Set(TestFiles.exampleNames())
        for required in ["task-api", "canary", "ab-header", "jwt-per-user", "cross-namespace", "hpa-https-redirect"] {
            #expect(names.contains(required), "examples/\(required) is missing")
        }
    }
}
