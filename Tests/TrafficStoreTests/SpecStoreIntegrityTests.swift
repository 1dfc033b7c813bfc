import Foundation
import SQLiteDB
import Synchronization
import Testing
import TrafficStore

@Suite("SpecStore integrity")
struct SpecStoreIntegrityTests {
    @Test func concurrentAppends_onTheSameBase_exactlyOneWins() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        for round in 1...10 {
            let base = ExpectedBase.number(round)
            let results = Mutex<[Result<AppendResult, StoreError>]>([])
            let gate = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for writer in 0..<2 {
                let store = harness.store
                group.enter()
                Thread.detachNewThread {
                    gate.wait()
                    let result = Result { () throws(StoreError) -> AppendResult in
                        try store.appendRevision(.make("checkout", content: "r\(round)w\(writer)"), expecting: base, actor: "w\(writer)")
                    }
                    results.withLock { $0.append(result) }
                    group.leave()
                }
            }
            gate.signal()
            gate.signal()
            group.wait()
            let all = results.withLock { $0 }
            let wins = all.filter { (try? $0.get())?.created == true }
            let conflicts = all.filter {
                if case .failure(.preconditionFailed(_, _, let latest, _)) = $0 { return latest == round + 1 }
                return false
            }
            #expect(wins.count == 1, "round \(round)")
            #expect(conflicts.count == 1, "round \(round)")
        }
        #expect(try harness.store.latestRevision(of: "checkout")?.number == 11)
    }

    @Test func revisionsAndAuditEvents_refuseUpdateAndDelete() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        let connection = try harness.rawConnection()
        let attempts: [(sql: String, message: String)] = [
            ("UPDATE revisions SET source = 'tampered'", "revisions are immutable"),
            ("DELETE FROM revisions", "revisions are immutable"),
            ("UPDATE audit_events SET actor = 'mallory'", "audit events are immutable"),
            ("DELETE FROM audit_events", "audit events are immutable"),
        ]
        for attempt in attempts {
            let error = #expect(throws: SQLiteError.self) { try connection.execute(attempt.sql, []) }
            #expect(error?.isConstraintTrigger == true, "\(attempt.sql)")
            #expect(error?.message == attempt.message)
        }
        #expect(try harness.count("revisions") == 1)
        #expect(try harness.count("audit_events") == 1)
        #expect(try harness.store.latestRevision(of: "checkout")?.source.contains("tampered") == false)
    }

    @Test func revisionAndAuditEvent_areWrittenAtomically() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        // Test-only fault injection from "another process": every audit insert now fails.
        let connection = try harness.rawConnection()
        try connection.execute("""
            CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;
            """)
        #expect {
            _ = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: nil, actor: "bob")
        } throws: { error in
            guard case StoreError.storage(let sqlite) = error else { return false }
            return sqlite.isConstraintTrigger && sqlite.message == "audit log unavailable"
        }
        #expect {
            _ = try harness.store.createSpec(.make("payments"), actor: "bob")
        } throws: { error in
            if case StoreError.storage = error { return true }
            return false
        }
        #expect(try harness.count("revisions") == 1)
        #expect(try harness.count("specs") == 1)
        #expect(try harness.store.spec(named: "payments") == nil)

        try connection.execute("DROP TRIGGER test_fail_audit")
        let appended = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: nil, actor: "bob")
        #expect(appended.revision.number == 2)
        let revisionCount = try harness.count("revisions")
        #expect(try harness.count("audit_events") == revisionCount)
    }

    @Test func auditChain_linksAndRecomputes() throws {
        let harness = try SpecStoreHarness()
        let first = try harness.store.createSpec(.make("checkout"), actor: "alice")
        for index in 2...4 {
            harness.advance(seconds: 1)
            _ = try harness.store.appendRevision(.make("checkout", content: "v\(index)"), expecting: nil, actor: "bob")
        }
        _ = try harness.store.createSpec(.make("payments"), actor: "carol")
        let page = try harness.store.auditEvents(limit: 100, after: nil)
        let events = page.items
        #expect(events.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(page.nextCursor == nil)
        #expect(events.map(\.action) == ["spec.created", "revision.created", "revision.created", "revision.created", "spec.created"])
        #expect(events[0].prevHash == AuditEvent.genesisHash)
        #expect(events[0].details == #"{"digest":"\#(first.digest)","revision":1}"#)
        #expect(events[0].occurredAt == "2026-11-22T10:00:00.000Z")
        #expect(events[4].subject == "payments")
        for (previous, next) in zip(events, events.dropFirst()) {
            #expect(next.prevHash == previous.hash)
        }
        for event in events {
            #expect(event.hasValidHash)
            let recomputed = AuditEvent(
                seq: event.seq, occurredAt: event.occurredAt, actor: event.actor, action: event.action,
                subject: event.subject, details: event.details, prevHash: event.prevHash
            )
            #expect(recomputed.hash == event.hash)
        }
        #expect(try harness.store.verifyAuditChain() == nil)

        let second = try harness.store.auditEvents(limit: 2, after: 2)
        #expect(second.items.map(\.seq) == [3, 4])
        #expect(second.nextCursor == "4")
    }

    @Test func verifyAuditChain_findsTampering() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        _ = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: nil, actor: "bob")
        _ = try harness.store.appendRevision(.make("checkout", content: "v3"), expecting: nil, actor: "bob")
        // Someone with file access removes the guard and rewrites history.
        let connection = try harness.rawConnection()
        try connection.execute("""
            DROP TRIGGER audit_events_no_update;
            UPDATE audit_events SET actor = 'mallory' WHERE seq = 2;
            """)
        #expect(try harness.store.verifyAuditChain() == 2)
    }

    @Test func auditEvent_canonicalJSONAndHash_matchKnownVectors() {
        // Expected values computed independently (Python hashlib / json) from the documented rule.
        let event = AuditEvent(
            seq: 1, occurredAt: "2026-11-22T10:00:00.000Z", actor: "alice", action: "spec.created",
            subject: "checkout", details: #"{"digest":"\#(String(repeating: "ab", count: 32))","revision":1}"#,
            prevHash: AuditEvent.genesisHash
        )
        #expect(event.canonicalJSON == #"{"action":"spec.created","actor":"alice","details":{"digest":"\#(String(repeating: "ab", count: 32))","revision":1},"occurredAt":"2026-11-22T10:00:00.000Z","seq":1,"subject":"checkout"}"#)
        #expect(event.hash == "5653d59cbdbc71e7125b5dfd624bc9d7ac001fb6db5939a66dc6a00e064ec67c")

        let escaped = AuditEvent(
            seq: 2, occurredAt: "x", actor: "tab\tnl\nctl\u{1} ü", action: "a\"b",
            subject: "s", details: "{}", prevHash: String(repeating: "f", count: 64)
        )
        #expect(escaped.canonicalJSON == #"{"action":"a\"b","actor":"tab\tnl\nctl\u0001 ü","details":{},"occurredAt":"x","seq":2,"subject":"s"}"#)
        #expect(escaped.hash == "f5de786ea3cbf87ac7e19e7cf9f416e88a134cf99d71800d42dc18605fcac72b")
    }

    @Test func manyWrites_keepRevisionAndAuditCountsEqual() throws {
        let harness = try SpecStoreHarness()
        for spec in 0..<3 {
            _ = try harness.store.createSpec(.make("spec-\(spec)"), actor: "alice")
            for index in 0..<5 {
                _ = try harness.store.appendRevision(.make("spec-\(spec)", content: "c\(index)"), expecting: nil, actor: "bob")
            }
        }
        #expect(try harness.count("revisions") == 18)
        #expect(try harness.count("audit_events") == 18)
        #expect(try harness.store.verifyAuditChain() == nil)
    }
}
