import Foundation
import MiniHTTP
import Testing
import TestSupport
import TrafficAPI
import TrafficCore

/// Flags every HTTPRoute, so a test can make any revision fail validation (the renderer only
/// produces valid manifests, as it should).
private struct RejectsHTTPRoutes: ManifestAnalyzer {
    var diagnostics: [Diagnostic] { [.unsupportedValue] }

    func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        for route in bundle.objects(ofKind: "HTTPRoute") {
            findings.append(route.finding(.unsupportedValue, at: ["spec", "rules"], message: "rules are refused in this test"))
        }
    }
}

@Suite struct RolloutRoutesTests {
    private func rollOut(
        _ fixture: APIFixture, spec: String = "shop", revision: String, to environment: String, reason: String = "ship it",
        force: Bool? = nil, headers: [(String, String)] = []
    ) throws -> HTTPResponse {
        let forceField = force.map { ", \"force\": \($0)" } ?? ""
        return try fixture.post(
            "/v1/specs/\(spec)/rollouts",
            json: "{\"revision\": \(revision), \"environment\": \"\(environment)\", \"reason\": \"\(reason)\"\(forceField)}",
            headers: headers)
    }

    private func rollBack(_ fixture: APIFixture, spec: String = "shop", in environment: String, revision: Int? = nil)
        throws -> HTTPResponse
    {
        let revisionField = revision.map { ", \"revision\": \($0)" } ?? ""
        return try fixture.post(
            "/v1/specs/\(spec)/rollback", json: "{\"environment\": \"\(environment)\", \"reason\": \"bad release\"\(revisionField)}")
    }

    /// A spec `shop` with `count` revisions.
    private func makeSpec(_ fixture: APIFixture, revisions count: Int) throws {
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "shop", path: "/v1")).status.code == 201)
        for number in stride(from: 2, through: count, by: 1) {
            #expect(try fixture.post("/v1/specs/shop/revisions", yaml: minimalSpec(name: "shop", path: "/v\(number)")).status.code == 201)
        }
    }

    private func running(_ fixture: APIFixture, in environment: String) throws -> Int? {
        let response = try fixture.send(.get, "/v1/environments/\(environment)")
        let deployments = response.json["deployments"] as? [[String: Any]] ?? []
        return deployments.first { $0["spec"] as? String == "shop" }?["revision"] as? Int
    }

    @Test func rolloutsAndRollbacksAcrossThreeEnvironments() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 3)
        for revision in ["1", "2"] {
            for environment in ["dev", "staging", "prod"] {
                let response = try rollOut(fixture, revision: revision, to: environment)
                #expect(response.status.code == 201, "\(revision) → \(environment): \(response.text)")
            }
        }
        let latest = try rollOut(fixture, revision: "\"latest\"", to: "dev")
        #expect(latest.json["revision"] as? Int == 3)
        #expect(latest.json["replacedRevision"] as? Int == 2)
        #expect(latest.json["actor"] as? String == "test-admin")
        #expect(latest.json["kind"] as? String == "rollout")
        #expect((latest.json["manifestsDigest"] as? String)?.count == 64)
        #expect(latest.json["apply"] is NSNull, "no apply command: a record only")
        let location = try #require(latest.headers["Location"])
        #expect(try fixture.send(.get, location).json["id"] as? Int == latest.json["id"] as? Int)

        #expect(try running(fixture, in: "dev") == 3)
        #expect(try running(fixture, in: "staging") == 2)
        #expect(try running(fixture, in: "prod") == 2)

        let rollback = try rollBack(fixture, in: "prod")
        #expect(rollback.status.code == 201, "\(rollback.text)")
        #expect(rollback.json["kind"] as? String == "rollback")
        #expect(rollback.json["revision"] as? Int == 1)
        #expect(rollback.json["replacedRevision"] as? Int == 2)
        #expect(rollback.json["reason"] as? String == "bad release")
        #expect(try running(fixture, in: "prod") == 1)
        #expect(try running(fixture, in: "staging") == 2, "other environments are untouched")

        let again = try rollBack(fixture, in: "prod")
        #expect(again.status.code == 409)
        #expect(again.json["type"] as? String == "urn:trafficspec:problem:nothing-to-roll-back")

        // The manifests digest is the SHA-256 of exactly what …/manifests serves.
        let manifests = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests")
        #expect(rollback.json["manifestsDigest"] as? String == ContentDigest.sha256Hex(manifests.body))

        // History: nothing was deleted; the rollback is one more entry.
        let prod = try fixture.send(.get, "/v1/specs/shop/rollouts?environment=prod")
        let entries = prod.json["items"] as? [[String: Any]] ?? []
        #expect(entries.map { $0["revision"] as? Int } == [1, 2, 1])
        #expect(entries.map { $0["kind"] as? String } == ["rollout", "rollout", "rollback"])
        let all = try fixture.send(.get, "/v1/specs/shop/rollouts")
        #expect((all.json["items"] as? [Any])?.count == 8)

        let environments = try fixture.send(.get, "/v1/environments")
        let names = (environments.json["items"] as? [[String: Any]] ?? []).map { $0["name"] as? String }
        #expect(names == ["dev", "prod", "staging"])

        let history = try fixture.send(.get, "/v1/specs/shop/history?limit=500")
        let actions = (history.json["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(actions.filter { $0 == "rollout.recorded" }.count == 7)
        #expect(actions.filter { $0 == "rollback.recorded" }.count == 1)
        let created = try fixture.send(.get, "/v1/audit?action=environment.created")
        #expect((created.json["items"] as? [Any])?.count == 3)
        #expect(try fixture.send(.get, "/v1/audit/verify").json["intact"] as? Bool == true)
    }

    @Test func rollbackToANamedRevision() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 4)
        for revision in 1...3 { #expect(try rollOut(fixture, revision: "\(revision)", to: "prod").status.code == 201) }
        let named = try rollBack(fixture, in: "prod", revision: 1)
        #expect(named.status.code == 201)
        #expect(named.json["revision"] as? Int == 1)
        #expect(named.json["replacedRevision"] as? Int == 3)

        let current = try rollBack(fixture, in: "prod", revision: 1)
        #expect(current.status.code == 409)
        #expect(current.json["type"] as? String == "urn:trafficspec:problem:invalid-rollback-target")
        let neverRan = try rollBack(fixture, in: "prod", revision: 4)
        #expect(neverRan.status.code == 409)
        #expect((neverRan.json["detail"] as? String)?.contains("never ran there") == true)
        #expect(try rollBack(fixture, in: "qa").status.code == 409, "nothing runs in qa")
        #expect(try running(fixture, in: "prod") == 1)
    }

    @Test func validationErrorsBlockARolloutUnlessForcedWithAReason() throws {
        let validator = ManifestValidator(analyzers: ManifestAnalyzers.all + [RejectsHTTPRoutes()])
        let fixture = try APIFixture(validator: validator)
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 1)

        let blocked = try rollOut(fixture, revision: "1", to: "prod")
        #expect(blocked.status.code == 422)
        #expect(blocked.headers["Content-Type"] == "application/problem+json")
        #expect(blocked.json["type"] as? String == "urn:trafficspec:problem:rollout-blocked")
        let errors = blocked.json["errors"] as? [[String: Any]] ?? []
        #expect(errors.count == 1)
        #expect(errors.first?["code"] as? String == "TS1004")
        #expect((errors.first?["path"] as? String)?.hasPrefix("HTTPRoute/") == true)
        #expect(errors.first?["line"] is Int, "findings point into the served manifests")
        #expect(blocked.json["validation"] as? String == "/v1/specs/shop/revisions/1/validation")
        #expect(try running(fixture, in: "prod") == nil, "nothing was recorded")

        let blankReason = try rollOut(fixture, revision: "1", to: "prod", reason: "  ", force: true)
        #expect(blankReason.status.code == 422)
        #expect((blankReason.json["errors"] as? [[String: Any]])?.first?["path"] as? String == "reason")

        let forced = try rollOut(fixture, revision: "1", to: "prod", reason: "hotfix, INC-42", force: true)
        #expect(forced.status.code == 201)
        #expect(forced.json["forced"] as? Bool == true)
        #expect(forced.json["reason"] as? String == "hotfix, INC-42")
        let audit = try fixture.send(.get, "/v1/audit?action=rollout.forced")
        let event = try #require((audit.json["items"] as? [[String: Any]])?.first)
        let details = try #require(event["details"] as? [String: Any])
        #expect(details["reason"] as? String == "hotfix, INC-42")
        #expect(details["forced"] as? Bool == true)
        #expect(event["actor"] as? String == "test-admin")
    }

    @Test func forceWithoutErrorsIsAnOrdinaryRollout() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 1)
        let response = try rollOut(fixture, revision: "1", to: "dev", force: true)
        #expect(response.status.code == 201)
        #expect(response.json["forced"] as? Bool == false, "forced records overridden errors; there were none")
    }

    @Test func promotionOrderIsEnforced() throws {
        let order = try PromotionOrder(parsing: "dev,staging,prod")
        let fixture = try APIFixture(rollouts: RolloutOptions(promotionOrder: order))
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 2)
        let skipped = try rollOut(fixture, revision: "1", to: "prod")
        #expect(skipped.status.code == 409)
        #expect(skipped.json["type"] as? String == "urn:trafficspec:problem:promotion-required")
        #expect(skipped.json["requiredEnvironment"] as? String == "staging")
        #expect(try rollOut(fixture, revision: "1", to: "staging").json["requiredEnvironment"] as? String == "dev")
        #expect(try rollOut(fixture, revision: "1", to: "dev").status.code == 201)
        #expect(try rollOut(fixture, revision: "1", to: "staging").status.code == 201)
        #expect(try rollOut(fixture, revision: "1", to: "prod").status.code == 201)
        #expect(try rollOut(fixture, revision: "2", to: "prod").status.code == 409, "each revision walks the order")
        #expect(try rollOut(fixture, revision: "2", to: "qa").status.code == 201, "environments outside the order are free")
    }

    @Test func promotionOrderParsing() throws {
        #expect(try PromotionOrder(parsing: "dev, staging ,prod").environments == ["dev", "staging", "prod"])
        #expect(throws: PromotionOrderError.tooShort("prod")) { try PromotionOrder(parsing: "prod") }
        #expect(throws: PromotionOrderError.repeated("dev")) { try PromotionOrder(parsing: "dev,prod,dev") }
        #expect(throws: PromotionOrderError.self) { try PromotionOrder(parsing: "dev,,prod") }
        #expect(throws: PromotionOrderError.self) { try PromotionOrder(parsing: "dev,Prod") }
        let order = try PromotionOrder(parsing: "a,b,c")
        #expect(order.prerequisite(of: "a") == nil)
        #expect(order.prerequisite(of: "c") == "b")
        #expect(order.prerequisite(of: "z") == nil)
    }

    /// Bad requests: every problem at once, each naming its field.
    @Test(arguments: [
        ("{\"revision\": 1, \"environment\": \"dev\"}", ["reason"]),
        ("{\"revision\": 0, \"environment\": \"Dev!\", \"reason\": \"x\"}", ["revision", "environment"]),
        ("{\"revision\": \"one\", \"environment\": \"dev\", \"reason\": \"x\", \"when\": \"now\"}", ["when", "revision"]),
        ("{\"revision\": 1, \"environment\": \"dev\", \"reason\": \"x\", \"force\": \"yes\"}", ["force"]),
        ("{\"revision\": 1.5, \"environment\": 7, \"reason\": \"x\"}", ["revision", "environment"]),
        ("[1, 2]", [""]),
    ])
    func invalidRolloutRequests(body: String, paths: [String]) throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 1)
        let response = try fixture.post("/v1/specs/shop/rollouts", json: body)
        #expect(response.status.code == 422, "\(response.text)")
        #expect(response.json["type"] as? String == "urn:trafficspec:problem:invalid-request")
        let reported = (response.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(Set(reported) == Set(paths), "\(response.text)")
        #expect((try fixture.send(.get, "/v1/environments").json["items"] as? [Any])?.isEmpty == true, "nothing was recorded")
    }

    @Test func tooLongReasonIsRefused() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 1)
        let response = try rollOut(fixture, revision: "1", to: "dev", reason: String(repeating: "x", count: 1025))
        #expect(response.status.code == 422)
        #expect((response.json["detail"] as? String) == "the request has 1 invalid field")
        // The limit counts code points, as the contract's maxLength does: 600 "é" written as
        // e + U+0301 are 600 characters but 1,200 code points.
        let combining = try rollOut(fixture, revision: "1", to: "dev", reason: String(repeating: "e\u{301}", count: 600))
        #expect(combining.status.code == 422)
        #expect(try rollOut(fixture, revision: "1", to: "dev", reason: String(repeating: "e\u{301}", count: 512)).status.code == 201)
    }

    @Test func missingThingsAre404() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 1)
        #expect(try rollOut(fixture, spec: "nobody", revision: "1", to: "dev").json["type"] as? String
            == "urn:trafficspec:problem:spec-not-found")
        #expect(try rollOut(fixture, revision: "9", to: "dev").json["type"] as? String
            == "urn:trafficspec:problem:revision-not-found")
        #expect(try fixture.send(.get, "/v1/environments/prod").json["type"] as? String
            == "urn:trafficspec:problem:environment-not-found")
        #expect(try fixture.send(.get, "/v1/environments/Prod").status.code == 400)
        #expect(try fixture.send(.get, "/v1/specs/shop/rollouts/1").json["type"] as? String
            == "urn:trafficspec:problem:rollout-not-found")
        #expect(try fixture.send(.get, "/v1/specs/shop/rollouts/x").status.code == 400)

        // A rollout id of another spec is not found under this one.
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "other")).status.code == 201)
        let other = try rollOut(fixture, spec: "other", revision: "1", to: "dev")
        let id = try #require(other.json["id"] as? Int)
        #expect(try fixture.send(.get, "/v1/specs/shop/rollouts/\(id)").status.code == 404)
        #expect(try fixture.send(.get, "/v1/specs/other/rollouts/\(id)").status.code == 200)
    }

    @Test func rolloutListPaginatesAndKeepsTheFilter() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 3)
        for revision in 1...3 {
            #expect(try rollOut(fixture, revision: "\(revision)", to: "dev").status.code == 201)
            #expect(try rollOut(fixture, revision: "\(revision)", to: "qa").status.code == 201)
        }
        let first = try fixture.send(.get, "/v1/specs/shop/rollouts?environment=qa&limit=2")
        #expect((first.json["items"] as? [[String: Any]])?.map { $0["revision"] as? Int } == [1, 2])
        let link = try #require(first.headers["Link"])
        #expect(link.contains("environment=qa"))
        let cursor = try #require(first.json["nextCursor"] as? String)
        let second = try fixture.send(.get, "/v1/specs/shop/rollouts?environment=qa&limit=2&cursor=\(cursor)")
        let rest = second.json["items"] as? [[String: Any]] ?? []
        #expect(rest.map { $0["revision"] as? Int } == [3])
        #expect(rest.map { $0["environment"] as? String } == ["qa"])
        #expect(second.json["nextCursor"] is NSNull)
        #expect(try fixture.send(.get, "/v1/specs/shop/rollouts?environment=nowhere").json["items"] as? [Any] != nil)
    }

    /// The actor is the token's name, whatever headers the client adds.
    @Test func theActorIsTheTokensName() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        try makeSpec(fixture, revisions: 1)
        let created = try fixture.post("/v1/tokens", json: "{\"name\": \"release-bot\", \"role\": \"deployer\"}")
        let secret = try #require(created.json["token"] as? String)
        let response = try rollOut(
            fixture, revision: "1", to: "prod",
            headers: [("Authorization", "Bearer \(secret)"), ("X-Actor", "someone-else"), ("X-Forwarded-User", "root")])
        #expect(response.status.code == 201)
        #expect(response.json["actor"] as? String == "release-bot")
    }
}
