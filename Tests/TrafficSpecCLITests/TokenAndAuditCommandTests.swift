import Foundation
import Testing
import TestSupport

/// `trafficspec token create` and `trafficspec audit verify|head`, offline on a database file.
@Suite struct TokenAndAuditCommandTests {
    private func sqlite(_ database: String, _ sql: String) throws -> BinaryProcess.Result {
        try BinaryProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", database, sql])
    }

    @Test func tokenCreatePrintsTheSecretOnceAndStoresOnlyItsHash() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("t.db").path
        let binary = try BinaryProcess.trafficspecURL
        let created = try BinaryProcess.run(binary, ["token", "create", "--db", database, "--name", "ci-bot", "--role", "deployer"])
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .newlines)
        #expect(secret.wholeMatch(of: /tsk_[A-Za-z0-9_-]{43}/) != nil, "\(secret)")
        #expect(created.stderr.contains("role deployer"))
        #expect(!created.stderr.contains(secret))
        _ = try sqlite(database, "PRAGMA wal_checkpoint(TRUNCATE);")
        let file = try Data(contentsOf: URL(fileURLWithPath: database))
        #expect(file.range(of: Data(secret.utf8)) == nil, "the secret is never stored")
        #expect(file.range(of: Data(secret.dropFirst(4).utf8)) == nil)

        let again = try BinaryProcess.run(binary, ["token", "create", "--db", database, "--name", "ci-bot", "--role", "viewer"])
        #expect(again.status == 1, "a taken name is refused")
        let badRole = try BinaryProcess.run(binary, ["token", "create", "--db", database, "--name", "x", "--role", "root"])
        #expect(badRole.status == 2)
        let badExpiry = try BinaryProcess.run(
            binary, ["token", "create", "--db", database, "--name", "x", "--role", "viewer", "--expires-in", "soon"])
        #expect(badExpiry.status == 2)
    }

    @Test func auditVerifyFindsTheEditedEvent() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("t.db").path
        let binary = try BinaryProcess.trafficspecURL
        for name in ["alice", "bob", "carol"] {
            let created = try BinaryProcess.run(binary, ["token", "create", "--db", database, "--name", name, "--role", "viewer"])
            #expect(created.status == 0, "\(created.stderr)")
        }
        let intact = try BinaryProcess.run(binary, ["audit", "verify", "--db", database])
        #expect(intact.status == 0)
        #expect(intact.stdout.hasPrefix("intact: 3 events; head 3 "), "\(intact.stdout)")
        let head = try BinaryProcess.run(binary, ["audit", "head", "--db", database])
        #expect(head.stdout.hasPrefix("3 "))

        let edit = try sqlite(database, "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory' WHERE seq = 2;")
        #expect(edit.status == 0, "\(edit.stderr)")
        let tampered = try BinaryProcess.run(binary, ["audit", "verify", "--db", database])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.hasPrefix("tampered: event 2 (hashMismatch)"), "\(tampered.stdout)")

        let missing = try BinaryProcess.run(binary, ["audit", "verify", "--db", directory.appendingPathComponent("none.db").path])
        #expect(missing.status == 2)
    }
}
