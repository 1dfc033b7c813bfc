import Foundation
import MiniHTTP
import Testing

@Suite struct OperationsRoutesTests {
    @Test func healthAndReadiness() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let health = try fixture.send(.get, "/healthz")
        #expect(health.status.code == 200)
        #expect(health.json["status"] as? String == "ok")
        let ready = try fixture.send(.get, "/readyz")
        #expect(ready.status.code == 200)
        #expect(ready.json["status"] as? String == "ready")
    }

    @Test func servesTheOpenAPIDocumentItWasBuiltWith() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.send(.get, "/openapi.yaml")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/yaml")
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("openapi.yaml")
        #expect(response.text == (try String(contentsOf: file, encoding: .utf8)))
    }

    @Test func metricsCountResponsesByRouteTemplate() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.send(.get, "/v1/specs/nope")
        _ = try fixture.send(.get, "/v1/specs/nope")
        _ = try fixture.send(.get, "/nowhere")
        let metrics = try fixture.send(.get, "/metrics")
        #expect(metrics.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(metrics.text.contains(#"trafficspec_api_responses_total{route="/v1/specs/{name}",method="GET",status="404"} 2"#))
        #expect(metrics.text.contains(#"trafficspec_api_responses_total{route="unmatched",method="GET",status="404"} 1"#))
    }

    @Test func unknownPathIs404AndWrongMethodIs405WithAllow() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let missing = try fixture.send(.get, "/v2/nothing")
        #expect(missing.status.code == 404)
        #expect(missing.headers["Content-Type"] == "application/problem+json")
        let wrong = try fixture.send(.delete, "/v1/specs")
        #expect(wrong.status.code == 405)
        #expect(wrong.headers["Allow"] == "GET, HEAD, POST")
    }
}
