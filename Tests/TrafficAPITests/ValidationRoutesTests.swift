import Foundation
import MiniHTTP
import Testing
import TestSupport

@Suite struct ValidationRoutesTests {
    static let broken = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec:
          hostnamez: [example.com]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {mode: fast}

        """

    @Test func postedManifestsGetAJSONReport() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.post("/v1/validate", yaml: Self.broken)
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["X-Validation-Errors"] == "1")
        #expect(response.json["valid"] as? Bool == false)
        let summary = try #require(response.json["summary"] as? [String: Any])
        #expect(summary["resources"] as? Int == 2)
        #expect(summary["documents"] as? Int == 2)
        let finding = try #require((response.json["findings"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "TS1001")
        #expect(finding["name"] as? String == "unknown-field")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["path"] as? String == "/spec/hostnamez")
        #expect(finding["line"] as? Int == 5)
        #expect(finding["column"] as? Int == 3)
        #expect((finding["hint"] as? String)?.isEmpty == false)
    }

    @Test func plainTextIsOneLinePerFinding() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.post("/v1/validate?source=routes.yaml", yaml: Self.broken, headers: [("Accept", "text/plain")])
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain") == true)
        let lines = response.text.split(separator: "\n")
        let json = try fixture.post("/v1/validate", yaml: Self.broken)
        #expect(lines.count == (json.json["findings"] as? [Any])?.count)
        #expect(lines.first?.hasPrefix("routes.yaml:5:3: error TS1001 HTTPRoute/web /spec/hostnamez:") == true, "\(response.text)")
    }

    @Test func junitOnRequestAndStrictTurnsWarningsIntoFailure() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let unknown = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"
        let lenient = try fixture.post("/v1/validate", yaml: unknown)
        #expect(lenient.json["valid"] as? Bool == true)
        #expect(lenient.headers["X-Validation-Warnings"] == "1")
        let strict = try fixture.post("/v1/validate?strict=true", yaml: unknown)
        #expect(strict.json["valid"] as? Bool == false)
        let junit = try fixture.post("/v1/validate", yaml: Self.broken, headers: [("Accept", "application/xml")])
        #expect(junit.headers["Content-Type"] == "application/xml")
        #expect(junit.text.contains("<failure type=\"TS1001\""))
    }

    @Test func requestProblemsAreProblemDocuments() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let empty = try fixture.post("/v1/validate", yaml: "  \n")
        #expect(empty.status.code == 400)
        #expect(empty.headers["Content-Type"] == "application/problem+json")
        let wrongType = try fixture.send(.post, "/v1/validate", body: "x", headers: [("Content-Type", "image/png")])
        #expect(wrongType.status.code == 415)
        let badFlag = try fixture.post("/v1/validate?strict=maybe", yaml: Self.broken)
        #expect(badFlag.status.code == 400)
        let badSource = try fixture.post("/v1/validate?source=a%0Ab", yaml: Self.broken)
        #expect(badSource.status.code == 400)
        let notAcceptable = try fixture.post("/v1/validate", yaml: Self.broken, headers: [("Accept", "image/png")])
        #expect(notAcceptable.status.code == 406)
    }

    @Test func garbageIsAFindingNotAnError() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        let response = try fixture.post("/v1/validate", yaml: bomb)
        #expect(response.status.code == 200)
        let codes = (response.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes == ["TS0003"])
        let duplicate = try fixture.post("/v1/validate", yaml: "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n")
        #expect((duplicate.json["findings"] as? [[String: Any]])?.first?["code"] as? String == "TS0002")
    }

    @Test func revisionValidationChecksTheRenderedManifests() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: minimalSpec())
        let response = try fixture.send(.get, "/v1/specs/task-api/revisions/1/validation")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Location"] == "/v1/specs/task-api/revisions/1/validation")
        let summary = try #require(response.json["summary"] as? [String: Any])
        #expect(summary["resources"] as? Int == 2, "a Gateway and an HTTPRoute")
        #expect(summary["errors"] as? Int == 0, "\(response.text)")
        let sources = Set((response.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String })
        #expect(sources.isSubset(of: ["/v1/specs/task-api/revisions/1/manifests"]))
        let missing = try fixture.send(.get, "/v1/specs/task-api/revisions/9/validation")
        #expect(missing.status.code == 404)
    }
}
