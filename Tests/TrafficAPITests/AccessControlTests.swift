import Foundation
import MiniHTTP
import Testing
import TestSupport

/// Who may call what: every route × every role, plus anonymous and bad credentials.
@Suite struct AccessControlTests {
    enum Need: String { case open, read, writeSpecs, deploy, manageTokens }

    /// Every route the API serves, with what it needs.
    static let routes: [(method: HTTPMethod, path: String, need: Need)] = [
        (.get, "/healthz", .open), (.get, "/readyz", .open), (.get, "/metrics", .open), (.get, "/openapi.yaml", .open),
        (.get, "/v1/schema/spec", .open),
        (.get, "/v1/specs", .read), (.get, "/v1/specs/task-api", .read), (.get, "/v1/specs/task-api/revisions", .read),
        (.get, "/v1/specs/task-api/revisions/1", .read), (.get, "/v1/specs/task-api/revisions/1/manifests", .read),
        (.get, "/v1/specs/task-api/revisions/1/validation", .read), (.get, "/v1/specs/task-api/diff?from=1&to=1", .read),
        (.post, "/v1/specs/task-api/diff", .read), (.post, "/v1/render", .read), (.post, "/v1/validate", .read),
        (.get, "/v1/specs/task-api/history", .read), (.get, "/v1/audit", .read), (.get, "/v1/audit/head", .read),
        (.get, "/v1/audit/verify", .read), (.get, "/v1/specs/task-api/rollouts", .read),
        (.get, "/v1/specs/task-api/rollouts/1", .read), (.get, "/v1/environments", .read), (.get, "/v1/environments/dev", .read),
        (.post, "/v1/specs/task-api/rollouts", .deploy), (.post, "/v1/specs/task-api/rollback", .deploy),
        (.post, "/v1/specs", .writeSpecs), (.post, "/v1/specs/task-api/revisions", .writeSpecs),
        (.get, "/v1/tokens", .manageTokens), (.post, "/v1/tokens", .manageTokens), (.delete, "/v1/tokens/999", .manageTokens),
    ]

    static func granted(_ need: Need, to role: String) -> Bool {
        switch (need, role) {
        case (.open, _), (.read, _), (_, "admin"), (.writeSpecs, "author"), (.deploy, "deployer"): true
        default: false
        }
    }

    private func body(for path: String, method: HTTPMethod) -> String? {
        guard method == .post else { return nil }
        if path == "/v1/tokens" { return "{\"name\": \"n\(UUID().uuidString.prefix(8))\", \"role\": \"viewer\"}" }
        if path.hasSuffix("/rollouts") { return "{\"revision\": 1, \"environment\": \"dev\", \"reason\": \"role matrix\"}" }
        if path.hasSuffix("/rollback") { return "{\"environment\": \"dev\", \"reason\": \"role matrix\"}" }
        if path == "/v1/validate" { return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n" }
        return minimalSpec(path: "/p\(UInt32.random(in: 1...999_999))")
    }

    @Test func everyRouteForEveryRole() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec()).status.code == 201)
        var tokens: [String: String] = ["admin": fixture.adminToken]
        for role in ["viewer", "author", "deployer"] {
            let created = try fixture.send(.post, "/v1/tokens", body: "{\"name\": \"\(role)-1\", \"role\": \"\(role)\"}",
                                           headers: [("Content-Type", "application/json")])
            #expect(created.status.code == 201)
            tokens[role] = try #require(created.json["token"] as? String)
        }
        for route in Self.routes {
            for (role, token) in tokens {
                let response = try fixture.send(
                    route.method, route.path, body: body(for: route.path, method: route.method),
                    headers: [("Authorization", "Bearer \(token)")])
                let code = response.status.code
                if Self.granted(route.need, to: role) {
                    #expect(code != 401 && code != 403, "\(role) \(route.method) \(route.path) → \(code)")
                } else {
                    #expect(code == 403, "\(role) \(route.method) \(route.path) → \(code)")
                }
            }
            let anonymous = try fixture.send(route.method, route.path, body: body(for: route.path, method: route.method), anonymous: true)
            let forged = try fixture.send(
                route.method, route.path, body: body(for: route.path, method: route.method),
                headers: [("Authorization", "Bearer tsk_forged0000000000000000000000000000000000000")])
            if route.need == .open {
                #expect(anonymous.status.code == 200, "\(route.path)")
            } else {
                #expect(anonymous.status.code == 401, "anonymous \(route.method) \(route.path)")
                #expect(anonymous.headers["WWW-Authenticate"] == "Bearer realm=\"trafficspec\"")
                #expect(forged.status.code == 401, "forged \(route.method) \(route.path)")
            }
        }
        let metrics = try fixture.send(.get, "/metrics").text
        let failures = metrics.split(separator: "\n").first { $0.hasPrefix("trafficspec_auth_failures_total ") }
        #expect(failures == "trafficspec_auth_failures_total \(Self.routes.filter { $0.need != .open }.count)")
    }

    @Test func anonymousReadsOnlyWhenAllowed() throws {
        let fixture = try APIFixture(allowAnonymousReads: true)
        defer { fixture.close() }
        #expect(try fixture.send(.get, "/v1/specs", anonymous: true).status.code == 200)
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(), anonymous: true).status.code == 401)
        #expect(try fixture.send(.get, "/v1/tokens", anonymous: true).status.code == 401)
    }

    @Test func secretsAreShownOnceAndRevokedTokensStopWorking() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let created = try fixture.send(.post, "/v1/tokens", body: "name: ci\nrole: author\n", headers: [("Content-Type", "application/yaml")])
        #expect(created.status.code == 201)
        #expect(created.headers["Cache-Control"] == "no-store")
        let secret = try #require(created.json["token"] as? String)
        let id = try #require(created.json["id"] as? Int)
        let list = try fixture.send(.get, "/v1/tokens")
        #expect(!list.text.contains(secret))
        #expect(!list.text.contains(fixture.adminToken))
        let audit = try fixture.send(.get, "/v1/audit")
        #expect(!audit.text.contains(secret))
        let asCI = [("Authorization", "Bearer \(secret)")]
        let write = try fixture.send(.post, "/v1/specs", body: minimalSpec(name: "by-ci"),
                                     headers: asCI + [("Content-Type", "application/yaml")])
        #expect(write.json["createdBy"] as? String == "ci")
        #expect(try fixture.send(.delete, "/v1/tokens/\(id)").status.code == 200)
        #expect(try fixture.send(.get, "/v1/specs", headers: asCI).status.code == 401)
        let invalid = try fixture.send(.post, "/v1/tokens", body: "{\"name\": \"x\", \"role\": \"root\", \"extra\": 1}",
                                       headers: [("Content-Type", "application/json")])
        #expect(invalid.status.code == 422)
        #expect((invalid.json["errors"] as? [[String: Any]])?.count == 2)
    }
}
