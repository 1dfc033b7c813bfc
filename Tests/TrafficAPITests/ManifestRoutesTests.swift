import Foundation
import MiniHTTP
import Testing
import TestSupport
import TrafficCore

@Suite struct ManifestRoutesTests {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    private func example(_ name: String) throws -> String {
        try String(contentsOf: Self.examples.appendingPathComponent("\(name)/spec.yaml"), encoding: .utf8)
    }

    @Test func revisionManifestsAreTheRenderedExampleWithRevisionAnnotations() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let created = try fixture.post("/v1/specs", yaml: try example("task-api"))
        #expect(created.status.code == 201)
        let digest = try #require(created.json["digest"] as? String)
        let response = try fixture.send(.get, "/v1/specs/task-api/revisions/1/manifests")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/yaml")
        #expect(response.text.contains("trafficspec.io/revision: \"1\""))
        #expect(response.text.contains("trafficspec.io/digest: \(digest)") || response.text.contains("trafficspec.io/digest: \"\(digest)\""))
        let stateless = try String(contentsOf: Self.examples.appendingPathComponent("task-api/manifests.yaml"), encoding: .utf8)
        let documentCount = stateless.components(separatedBy: "\n---\n").count
        #expect(response.headers["X-Manifest-Count"] == String(documentCount))
        let again = try fixture.send(.get, "/v1/specs/task-api/revisions/latest/manifests")
        #expect(again.text == response.text, "rendering is deterministic")
    }

    @Test func jsonIsAV1ListAndKindFilters() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: try example("task-api"))
        let json = try fixture.send(
            .get, "/v1/specs/task-api/revisions/1/manifests?kind=Gateway,httproute", headers: [("Accept", "application/json")])
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.json["kind"] as? String == "List")
        #expect(json.json["apiVersion"] as? String == "v1")
        let kinds = Set(((json.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String })
        #expect(kinds == ["Gateway", "HTTPRoute"])
    }

    @Test func manifestETagGives304() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: try example("canary"))
        let first = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests")
        let etag = try #require(first.headers["ETag"])
        let cached = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests", headers: [("If-None-Match", etag)])
        #expect(cached.status.code == 304)
        let json = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests", headers: [("Accept", "application/json")])
        #expect(json.headers["ETag"] != etag, "each representation has its own ETag")
    }

    @Test func statelessRenderMatchesTheCommittedExample() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        for name in ["task-api", "canary", "ab-header", "jwt-per-user", "cross-namespace", "hpa-https-redirect"] {
            let response = try fixture.post("/v1/render", yaml: try example(name))
            #expect(response.status.code == 200, "\(name)")
            let expected = try String(
                contentsOf: Self.examples.appendingPathComponent("\(name)/manifests.yaml"), encoding: .utf8)
            #expect(response.text == expected, "\(name)")
        }
        let stored = try fixture.send(.get, "/v1/specs")
        #expect((stored.json["items"] as? [Any])?.isEmpty == true, "render stores nothing")
    }

    @Test func renderReportsEverySpecError() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let broken = minimalSpec().replacingOccurrences(of: "port: 8000", with: "port: 80000, weigth: 1")
            .replacingOccurrences(of: "pathPrefix: /api", with: "pathPrefix: api")
        let response = try fixture.post("/v1/render", yaml: broken)
        #expect(response.status.code == 422)
        let errors = try #require(response.json["errors"] as? [[String: Any]])
        #expect(errors.count >= 2, "\(errors)")
        #expect(errors.allSatisfy { $0["line"] is Int && $0["path"] is String })
        #expect(errors.contains { ($0["path"] as? String) == "routes[0].backends[0].weigth" })
    }

    @Test func schemaIsTheCommittedJSONSchema() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.send(.get, "/v1/schema/spec")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/schema+json")
        let committed = try String(
            contentsOf: Self.examples.deletingLastPathComponent().appendingPathComponent("docs/spec.schema.json"),
            encoding: .utf8)
        #expect(response.text == committed)
    }
}
