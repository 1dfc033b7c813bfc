import Foundation
import SQLiteDB
import Testing
import TrafficStore

/// Someone with the database file drops the append-only triggers and rewrites history; the chain
/// must point at exactly the event they touched. The scenario is `AuditHistoryTests.scenario()`
/// (12 events; 6 is a rollout, 8 a forced rollout, 11 a rollback, 12 a token revocation).
@Suite("Audit chain tampering")
struct AuditTamperTests {
    private func tamper(_ harness: SpecStoreHarness, _ script: String) throws {
        let connection = try harness.rawConnection()
        try connection.execute(script)
        try connection.close()
    }

    @Test(arguments: [1, 6, 8, 11, 12] as [Int64])
    func editingAnEvent_isReportedAtItsSeq(seq: Int64) throws {
        let harness = try AuditHistoryTests.scenario()
        try tamper(harness, """
            DROP TRIGGER audit_events_no_update;
            UPDATE audit_events SET actor = 'mallory' WHERE seq = \(seq);
            """)
        #expect(try harness.store.verifyAuditChain() == seq)
        let verification = try harness.store.auditChainVerification()
        #expect(verification.firstBreak == AuditChainBreak(seq: seq, reason: .hashMismatch))
        #expect(verification.eventCount == 12)
        #expect(verification.head?.seq == 12)
    }

    @Test func editingAForcedRolloutsReason_isReported() throws {
        let harness = try AuditHistoryTests.scenario()
        try tamper(harness, """
            DROP TRIGGER audit_events_no_update;
            UPDATE audit_events SET details = replace(details, 'validator false positive', 'approved by CAB') WHERE seq = 8;
            """)
        #expect(try harness.store.verifyAuditChain() == 8)
    }

    @Test(arguments: [1, 6, 11] as [Int64])
    func deletingAnEvent_isReportedAtItsSeq(seq: Int64) throws {
        let harness = try AuditHistoryTests.scenario()
        try tamper(harness, """
            DROP TRIGGER audit_events_no_delete;
            DELETE FROM audit_events WHERE seq = \(seq);
            """)
        #expect(try harness.store.verifyAuditChain() == seq)
        let verification = try harness.store.auditChainVerification()
        #expect(verification.firstBreak == AuditChainBreak(seq: seq, reason: .missing))
        #expect(verification.eventCount == 11)
    }

    @Test func editingAnEventAndRecomputingItsHash_isReportedAtItsSeq() throws {
        let harness = try AuditHistoryTests.scenario()
        let original = try #require(try harness.store.auditEvents(limit: 1, after: 5).items.first)
        #expect(original.seq == 6)
        // A careful forger recomputes the hash by the documented rule; the next event still
        // remembers the old one.
        let forged = AuditEvent(
            seq: original.seq, occurredAt: original.occurredAt, actor: "mallory", action: original.action,
            subject: original.subject, details: original.details, prevHash: original.prevHash
        )
        let connection = try harness.rawConnection()
        try connection.execute("DROP TRIGGER audit_events_no_update")
        try connection.execute(
            "UPDATE audit_events SET actor = ?, hash = ? WHERE seq = 6", [.text(forged.actor), .text(forged.hash)]
        )
        #expect(try harness.store.verifyAuditChain() == 6)
        #expect(try harness.store.auditChainVerification().firstBreak == AuditChainBreak(seq: 6, reason: .rewritten))
    }

    @Test func aForgedFirstEvent_mustStartFromGenesis() throws {
        let harness = try AuditHistoryTests.scenario()
        let first = try #require(try harness.store.auditEvents(limit: 1, after: nil).items.first)
        let forged = AuditEvent(
            seq: 1, occurredAt: first.occurredAt, actor: first.actor, action: first.action, subject: first.subject,
            details: first.details, prevHash: String(repeating: "f", count: 64)
        )
        try tamper(harness, """
            DROP TRIGGER audit_events_no_update;
            UPDATE audit_events SET prev_hash = '\(forged.prevHash)', hash = '\(forged.hash)' WHERE seq = 1;
            """)
        #expect(try harness.store.auditChainVerification().firstBreak == AuditChainBreak(seq: 1, reason: .brokenGenesis))
    }

    @Test func theEarliestOfSeveralEdits_isReported() throws {
        let harness = try AuditHistoryTests.scenario()
        try tamper(harness, """
            DROP TRIGGER audit_events_no_update;
            DROP TRIGGER audit_events_no_delete;
            UPDATE audit_events SET subject = 'payments' WHERE seq = 9;
            DELETE FROM audit_events WHERE seq = 11;
            UPDATE audit_events SET action = 'rollout.recorded' WHERE seq = 4;
            """)
        #expect(try harness.store.verifyAuditChain() == 4)
    }

    @Test func deletingTheNewestEvents_isSeenOnlyAgainstAHeadKeptElsewhere() throws {
        let harness = try AuditHistoryTests.scenario()
        let anchored = try #require(try harness.store.auditHead())
        try tamper(harness, """
            DROP TRIGGER audit_events_no_delete;
            DELETE FROM audit_events WHERE seq >= 11;
            """)
        // The shorter chain is consistent in itself…
        #expect(try harness.store.verifyAuditChain() == nil)
        // …but no longer reaches the head published before.
        let head = try #require(try harness.store.auditHead())
        #expect(head.seq == 10)
        #expect(head != anchored)
    }

    // The same with the sqlite3 shell, as an operator (or attacker) with the file would do it.

    @Test(.enabled(if: SQLiteShell.isAvailable))
    func editingWithTheSQLiteShell_isReportedAtItsSeq() throws {
        let harness = try AuditHistoryTests.scenario()
        let path = harness.directory.databasePath
        // The trigger stops the shell first.
        #expect(throws: SQLiteShell.Failure.self) {
            try SQLiteShell.run("UPDATE audit_events SET actor = 'mallory' WHERE seq = 9;", database: path)
        }
        #expect(try harness.store.verifyAuditChain() == nil)
        try SQLiteShell.run(
            "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory' WHERE seq = 9;", database: path
        )
        #expect(try SQLiteShell.run("SELECT actor FROM audit_events WHERE seq = 9;", database: path) == "mallory\n")
        #expect(try harness.store.verifyAuditChain() == 9)
    }

    @Test(.enabled(if: SQLiteShell.isAvailable))
    func deletingWithTheSQLiteShell_isReportedAtItsSeq() throws {
        let harness = try AuditHistoryTests.scenario()
        let path = harness.directory.databasePath
        #expect(throws: SQLiteShell.Failure.self) {
            try SQLiteShell.run("DELETE FROM audit_events WHERE seq = 8;", database: path)
        }
        try SQLiteShell.run("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq = 8;", database: path)
        #expect(try harness.store.verifyAuditChain() == 8)
    }
}
