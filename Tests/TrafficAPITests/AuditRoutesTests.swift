import Foundation
import MiniHTTP
import Testing
import TestSupport

@Suite struct AuditRoutesTests {
    private func events(_ response: HTTPResponse) -> [[String: Any]] {
        response.json["items"] as? [[String: Any]] ?? []
    }

    @Test func historyListsEveryChangeOfASpecOldestFirst() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: minimalSpec(name: "shop"))
        _ = try fixture.post("/v1/specs/shop/revisions", yaml: minimalSpec(name: "shop", path: "/v2"))
        _ = try fixture.post("/v1/specs", yaml: minimalSpec(name: "other"))
        let history = try fixture.send(.get, "/v1/specs/shop/history")
        #expect(history.status.code == 200)
        let items = events(history)
        #expect(items.count == 2)
        #expect(items.map { $0["subject"] as? String } == ["shop", "shop"])
        #expect(items.map { $0["action"] as? String } == ["spec.created", "revision.created"])
        #expect((items.first?["details"] as? [String: Any]) != nil, "details are a JSON object, not a string")
        #expect(items[1]["prevHash"] as? String == items[0]["hash"] as? String)
        #expect(try fixture.send(.get, "/v1/specs/nobody/history").status.code == 404)
    }

    @Test func filtersAndPaginationKeepTheirConditions() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        for index in 1...3 { _ = try fixture.post("/v1/specs", yaml: minimalSpec(name: "s\(index)")) }
        _ = try fixture.post("/v1/specs/s1/revisions", yaml: minimalSpec(name: "s1", path: "/v2"))
        let all = try fixture.send(.get, "/v1/audit")
        #expect(events(all).map { $0["action"] as? String } == ["token.created", "spec.created", "spec.created", "spec.created", "revision.created"])
        let bySpec = try fixture.send(.get, "/v1/audit?spec=s1")
        #expect(events(bySpec).count == 2)
        let byAction = try fixture.send(.get, "/v1/audit?action=spec.created")
        #expect(events(byAction).count == 3)
        let first = try fixture.send(.get, "/v1/audit?spec=s1&limit=1")
        #expect(events(first).count == 1)
        let link = try #require(first.headers["Link"])
        #expect(link.contains("spec=s1"))
        let cursor = try #require(first.json["nextCursor"] as? String)
        let second = try fixture.send(.get, "/v1/audit?spec=s1&limit=1&cursor=\(cursor)")
        #expect(events(second).map { $0["seq"] as? Int } == [5])
        let byActor = try fixture.send(.get, "/v1/audit?actor=test-admin")
        #expect(events(byActor).count == 4, "writes are recorded under the token's name")
        let future = try fixture.send(.get, "/v1/audit?since=2099-01-01T00:00:00Z")
        #expect(events(future).isEmpty)
        #expect(try fixture.send(.get, "/v1/audit?since=yesterday").status.code == 400)
        #expect(try fixture.send(.get, "/v1/audit?spec=Bad_Name").status.code == 400)
    }

    @Test func headAndVerifyOnAnIntactChain() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let first = try fixture.send(.get, "/v1/audit/head")
        #expect(first.json["seq"] as? Int == 1, "the fixture's token.created")
        _ = try fixture.post("/v1/specs", yaml: minimalSpec())
        let head = try fixture.send(.get, "/v1/audit/head")
        #expect(head.json["seq"] as? Int == 2)
        #expect(head.json["hash"] as? String != first.json["hash"] as? String)
        let verify = try fixture.send(.get, "/v1/audit/verify")
        #expect(verify.json["intact"] as? Bool == true)
        #expect(verify.json["events"] as? Int == 2)
        #expect((verify.json["head"] as? [String: Any])?["hash"] as? String == head.json["hash"] as? String)
        #expect(verify.json["firstBreak"] is NSNull)
    }

    @Test func verifyNamesTheEditedEvent() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        for index in 1...3 { _ = try fixture.post("/v1/specs", yaml: minimalSpec(name: "s\(index)")) }
        let edit = try SQLiteShell.run(
            fixture.databasePath, "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory' WHERE seq = 3;")
        #expect(edit == 0)
        let verify = try fixture.send(.get, "/v1/audit/verify")
        #expect(verify.status.code == 200)
        #expect(verify.json["intact"] as? Bool == false)
        let broken = try #require(verify.json["firstBreak"] as? [String: Any])
        #expect(broken["seq"] as? Int == 3)
        #expect(broken["reason"] as? String == "hashMismatch")
    }
}

/// The sqlite3 shell, for tests that tamper with a database behind the store's back.
enum SQLiteShell {
    static func run(_ database: String, _ sql: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database, sql]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
