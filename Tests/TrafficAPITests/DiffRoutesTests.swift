import Foundation
import MiniHTTP
import Testing
import TestSupport

@Suite struct DiffRoutesTests {
    /// Two revisions of one spec whose rendered routes differ only in one backend port.
    private func fixtureWithTwoRevisions() throws -> APIFixture {
        let fixture = try APIFixture()
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec()).status.code == 201)
        let changed = minimalSpec().replacingOccurrences(of: "port: 8000", with: "port: 9000")
        #expect(try fixture.post("/v1/specs/task-api/revisions", yaml: changed).status.code == 201)
        return fixture
    }

    @Test func unifiedDiffOfRenderedManifestsIsTheDefault() throws {
        let fixture = try fixtureWithTwoRevisions()
        defer { fixture.close() }
        let response = try fixture.send(.get, "/v1/specs/task-api/diff?from=1&to=2")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "text/x-diff; charset=utf-8")
        #expect(response.headers["X-Changed-Resources"] == "1")
        #expect(response.text.hasPrefix("--- task-api@1\n+++ task-api@2\n@@ "))
        #expect(response.text.contains("-      port: 8000\n+      port: 9000\n"))
        #expect(!response.text.contains("trafficspec.io/revision"), "revision annotations are not diffed")
    }

    @Test func jsonAndPatchFormatsByParameterOrAccept() throws {
        let fixture = try fixtureWithTwoRevisions()
        defer { fixture.close() }
        let json = try fixture.send(.get, "/v1/specs/task-api/diff?from=1&to=latest", headers: [("Accept", "application/json")])
        #expect(json.headers["Content-Type"] == "application/json")
        let resources = try #require(json.json["resources"] as? [[String: Any]])
        let fields = try #require(resources.first?["fields"] as? [[String: Any]])
        #expect(fields.first?["path"] as? String == "/spec/rules/0/backendRefs/0/port")
        #expect(fields.first?["old"] as? Int == 8000)
        #expect(fields.first?["new"] as? Int == 9000)
        let patch = try fixture.send(.get, "/v1/specs/task-api/diff?from=1&to=2&format=patch")
        #expect(patch.headers["Content-Type"] == "application/json-patch+json")
        #expect(patch.text.contains(#""op": "replace""#))
    }

    @Test func specDiffAndNoDifference() throws {
        let fixture = try fixtureWithTwoRevisions()
        defer { fixture.close() }
        let spec = try fixture.send(.get, "/v1/specs/task-api/diff?from=1&to=2&of=spec")
        #expect(spec.text.contains("-    port: 8000\n+    port: 9000\n"), "\(spec.text)")
        let same = try fixture.send(.get, "/v1/specs/task-api/diff?from=2&to=latest")
        #expect(same.status.code == 200)
        #expect(same.body.isEmpty)
        #expect(same.headers["X-Changed-Resources"] == "0")
    }

    @Test func candidateDiffStoresNothing() throws {
        let fixture = try fixtureWithTwoRevisions()
        defer { fixture.close() }
        let candidate = minimalSpec(path: "/v3").replacingOccurrences(of: "port: 8000", with: "port: 9000")
        let response = try fixture.post("/v1/specs/task-api/diff?from=2", yaml: candidate)
        #expect(response.status.code == 200)
        #expect(response.text.contains("+++ task-api@candidate"))
        #expect(response.text.contains("+        value: /v3"))
        let summary = try fixture.send(.get, "/v1/specs/task-api")
        #expect(summary.json["revisionCount"] as? Int == 2)
        let invalid = try fixture.post("/v1/specs/task-api/diff", yaml: "version: trafficspec/v1\nname: task-api\n")
        #expect(invalid.status.code == 422)
    }

    @Test(arguments: [
        ("/v1/specs/task-api/diff?to=2", 400), ("/v1/specs/task-api/diff?from=1&to=9", 404),
        ("/v1/specs/task-api/diff?from=1&to=2&format=html", 400), ("/v1/specs/task-api/diff?from=1&to=2&of=both", 400),
        ("/v1/specs/task-api/diff?from=1&to=2&context=-1", 400), ("/v1/specs/nope/diff?from=1&to=2", 404),
    ])
    func badDiffRequests(target: String, status: Int) throws {
        let fixture = try fixtureWithTwoRevisions()
        defer { fixture.close() }
        #expect(try fixture.send(.get, target).status.code == status, "\(target)")
    }
}
