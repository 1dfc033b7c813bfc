import Foundation
import Testing
@testable import TrafficCore

@Suite struct ManifestEncoderTests {
    static let ambiguous = ["50", "1.0", "true", "false", "null", "0755", "on", "off", "yes", "no", "y", "n", "Yes", "NO",
        "~", "", "1e3", "0x1F", ".5", "-1", "+1", "12:30", ".inf", "1_000", " padded "]

    @Test(arguments: ambiguous)
    func quotesStringsThatLookLikeOtherTypes(_ text: String) throws {
        let value: JSONValue = ["metadata": ["threshold": .string(text)]]
        let yaml = ManifestEncoder.document(value)
        #expect(yaml.contains("threshold: \""), "\(yaml)")
        for schema in [DocumentParser.ScalarSchema.core, .yaml11] {
            let back = try DocumentParser(schema: schema).parseSingle(Array(yaml.utf8), format: .yaml)
            #expect(back.jsonValue == value)
        }
    }

    @Test func leavesOrdinaryStringsPlainAndKeepsNumbersNumbers() {
        let yaml = ManifestEncoder.document(["name": "task-api", "port": 8000, "ok": true, "path": "/api/v1"])
        #expect(yaml == "name: task-api\nport: 8000\nok: true\npath: /api/v1\n")
    }

    @Test func kedaThresholdIsAQuotedString() throws {
        let spec = try SpecFixtures.spec(try TestFiles.read(TestFiles.examples.appendingPathComponent("task-api/spec.yaml")))
        let yaml = ManifestEncoder.yaml(ManifestRenderer.render(spec, context: .stateless))
        #expect(yaml.contains("threshold: \"50\""))
    }

    @Test func separatesDocumentsAndListsJSON() {
        let manifests = [
            Manifest(apiVersion: "v1", kind: "Namespace", name: "a", namespace: nil, body: ["kind": "Namespace"]),
            Manifest(apiVersion: "v1", kind: "Namespace", name: "b", namespace: nil, body: ["kind": "Namespace", "x": "1"]),
        ]
        #expect(ManifestEncoder.yaml(manifests) == "kind: Namespace\n---\nkind: Namespace\nx: \"1\"\n")
        #expect(ManifestEncoder.jsonList([manifests[0]]) == """
            {
              "apiVersion": "v1",
              "kind": "List",
              "items": [
                {
                  "kind": "Namespace"
                }
              ]
            }

            """)
    }

    @Test func filtersByKindCaseInsensitively() throws {
        let spec = try SpecFixtures.spec(try TestFiles.read(TestFiles.examples.appendingPathComponent("task-api/spec.yaml")))
        let manifests = ManifestRenderer.render(spec, context: .stateless)
        #expect(ManifestFilter.byKind(manifests, kinds: "httproute").map(\.kind) == ["HTTPRoute"])
        #expect(ManifestFilter.byKind(manifests, kinds: "Gateway, scaledobject").map(\.kind) == ["Gateway", "ScaledObject"])
        #expect(ManifestFilter.byKind(manifests, kinds: "").count == manifests.count)
    }

    @Test func documentOrderFollowsManifestOrder() throws {
        for spec in try PropertyTests.corpus() {
            let ranks = ManifestRenderer.render(spec, context: .stateless).map { ManifestOrder.rank(of: $0.kind) }
            #expect(ranks == ranks.sorted())
            #expect(!ranks.contains(ManifestOrder.kinds.count))
        }
    }
}
