import Foundation
import Testing
@testable import TrafficCore

/// YAML and JSON are one model; the byte-level entry point reports parse and field errors apart.
@Suite struct FormatTests {
    @Test(arguments: TestFiles.exampleNames())
    func jsonAndYAMLDecodeToTheSameSpec(_ name: String) throws {
        let text = try TestFiles.read(TestFiles.examples.appendingPathComponent("\(name)/spec.yaml"))
        let fromYAML = try SpecFixtures.spec(text)
        let json = try DocumentParser().parseSingle(Array(text.utf8), format: .yaml).jsonValue.serialized()
        let fromJSON = try TrafficSpecDecoder.decode(Array(json.utf8), format: .json).get()
        #expect(fromJSON == fromYAML)
    }

    @Test func malformedBytesAreAParseFailure() {
        guard case .failure(.malformed) = ManifestRenderer.renderYAML(Array("a: [".utf8), format: .yaml) else {
            Issue.record("expected a malformed-document failure")
            return
        }
    }

    @Test func fieldErrorsComeBackAsInvalid() {
        let text = "version: trafficspec/v1\nname: x\ngateway: { listeners: [] }\n"
        guard case .failure(.invalid(let errors)) = ManifestRenderer.renderYAML(Array(text.utf8), format: .yaml) else {
            Issue.record("expected field errors")
            return
        }
        // Cross-field rules run only once the structure is sound, so `routes` is not reported yet.
        #expect(errors.map(\.path) == ["gateway.listeners"])
        #expect(errors.first?.message == "must have at least 1 item")
    }

    @Test func editDistanceSuggestsOnlyCloseNames() {
        #expect(EditDistance.closest(to: "weigth", in: ["service", "port", "weight"]) == "weight")
        #expect(EditDistance.closest(to: "pathprefix", in: ["pathPrefix", "path"]) == "pathPrefix")
        #expect(EditDistance.closest(to: "zzz", in: ["service", "port"]) == nil)
    }

    @Test func durationsConvertToMilliseconds() {
        #expect(GatewayDuration.milliseconds("1h30m") == 5_400_000)
        #expect(GatewayDuration.milliseconds("500ms") == 500)
        #expect(GatewayDuration.milliseconds("1m5s10ms") == 65_010)
        #expect(GatewayDuration.milliseconds("5") == nil)
    }
}
