import Foundation
import Testing
import TrafficStore

@Suite("SpecStore audit history")
struct AuditHistoryTests {
    /// Twelve events by three actors over ten seconds, about two specs, two environments and a
    /// token:
    ///
    /// | seq | t | actor | action | subject |
    /// |---|---|---|---|---|
    /// | 1 | 0 | alice | spec.created | checkout |
    /// | 2 | 1 | alice | revision.created | checkout |
    /// | 3 | 2 | bob | spec.created | payments |
    /// | 4 | 3 | admin | token.created | token/ci |
    /// | 5, 6 | 4 | bob | environment.created, rollout.recorded | environment/dev, checkout |
    /// | 7, 8 | 5 | carol | environment.created, rollout.forced | environment/prod, payments |
    /// | 9 | 6 | bob | rollout.recorded | checkout (prod) |
    /// | 10 | 7 | bob | rollout.recorded | checkout (dev) |
    /// | 11 | 8 | carol | rollback.recorded | checkout (dev) |
    /// | 12 | 9 | admin | token.revoked | token/ci |
    static func scenario() throws -> SpecStoreHarness {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 2, actor: "alice")
        harness.advance(seconds: 1)
        try harness.makeSpec("payments", revisions: 1, actor: "bob")
        harness.advance(seconds: 1)
        let token = try harness.store.createToken(name: "ci", role: .deployer, expiresAt: nil, actor: "admin")
        try harness.rollout("checkout", 2, to: "dev", actor: "bob")
        try harness.rollout("payments", 1, to: "prod", reason: "validator false positive", actor: "carol", forced: true)
        try harness.rollout("checkout", 1, to: "prod", actor: "bob")
        try harness.rollout("checkout", 1, to: "dev", actor: "bob")
        try harness.rollback("checkout", in: "dev", actor: "carol")
        harness.advance(seconds: 1)
        _ = try harness.store.revokeToken(id: token.record.id, actor: "admin")
        return harness
    }

    private func seqs(_ store: SpecStore, _ filter: AuditFilter) throws -> [Int64] {
        try store.auditEvents(matching: filter, limit: 100, after: nil).items.map(\.seq)
    }

    @Test func scenario_hasTheDocumentedEvents() throws {
        let harness = try Self.scenario()
        let events = try harness.store.auditEvents(limit: 100, after: nil).items
        #expect(events.map(\.action) == [
            "spec.created", "revision.created", "spec.created", "token.created", "environment.created", "rollout.recorded",
            "environment.created", "rollout.forced", "rollout.recorded", "rollout.recorded", "rollback.recorded", "token.revoked",
        ])
        #expect(events.map(\.subject) == [
            "checkout", "checkout", "payments", "token/ci", "environment/dev", "checkout",
            "environment/prod", "payments", "checkout", "checkout", "checkout", "token/ci",
        ])
        let seconds = [0, 1, 2, 3, 4, 4, 5, 5, 6, 7, 8, 9]
        #expect(events.map(\.occurredAt) == seconds.map { "2026-11-22T10:00:0\($0).000Z" })
        #expect(try harness.store.verifyAuditChain() == nil)
    }

    @Test func filters_selectBySpecEnvironmentActorActionAndTime() throws {
        let harness = try Self.scenario()
        let store = harness.store
        let start = SpecStoreHarness.start
        #expect(try seqs(store, AuditFilter(spec: "checkout")) == [1, 2, 6, 9, 10, 11])
        #expect(try seqs(store, AuditFilter(spec: "payments")) == [3, 8])
        #expect(try seqs(store, AuditFilter(environment: "dev")) == [5, 6, 10, 11])
        #expect(try seqs(store, AuditFilter(environment: "prod")) == [7, 8, 9])
        #expect(try seqs(store, AuditFilter(actor: "bob")) == [3, 5, 6, 9, 10])
        #expect(try seqs(store, AuditFilter(action: "rollout.recorded")) == [6, 9, 10])
        #expect(try seqs(store, AuditFilter(action: "token.revoked")) == [12])
        // since is inclusive, until exclusive.
        #expect(try seqs(store, AuditFilter(since: start.addingTimeInterval(4), until: start.addingTimeInterval(6))) == [5, 6, 7, 8])
        #expect(try seqs(store, AuditFilter(since: start.addingTimeInterval(8.5))) == [12])
        #expect(try seqs(store, AuditFilter(until: start.addingTimeInterval(0.001))) == [1])
        // Conditions combine.
        #expect(try seqs(store, AuditFilter(spec: "checkout", environment: "prod")) == [9])
        #expect(try seqs(store, AuditFilter(actor: "carol", action: "rollback.recorded")) == [11])
        #expect(try seqs(store, AuditFilter(spec: "checkout", actor: "alice", since: start.addingTimeInterval(1))) == [2])
        // No match, and names that only look alike.
        #expect(try seqs(store, AuditFilter(actor: "nobody")).isEmpty)
        #expect(try seqs(store, AuditFilter(spec: "ci")).isEmpty)
        #expect(try seqs(store, AuditFilter(environment: "pro")).isEmpty)
    }

    @Test func filteredPages_continueAfterTheCursor() throws {
        let harness = try Self.scenario()
        let filter = AuditFilter(spec: "checkout")
        let first = try harness.store.auditEvents(matching: filter, limit: 4, after: nil)
        #expect(first.items.map(\.seq) == [1, 2, 6, 9])
        #expect(first.nextCursor == "9")
        let second = try harness.store.auditEvents(matching: filter, limit: 4, after: 9)
        #expect(second.items.map(\.seq) == [10, 11])
        #expect(second.nextCursor == nil)
        #expect(throws: StoreError.invalidPageLimit(0)) {
            try harness.store.auditEvents(matching: filter, limit: 0, after: nil)
        }
    }

    @Test func auditHead_isTheLastEvent() throws {
        let empty = try SpecStoreHarness()
        #expect(try empty.store.auditHead() == nil)
        #expect(try empty.store.auditChainVerification() == AuditVerification(eventCount: 0, head: nil, firstBreak: nil))

        let harness = try Self.scenario()
        let last = try #require(try harness.store.auditEvents(limit: 100, after: nil).items.last)
        let head = try #require(try harness.store.auditHead())
        #expect(head == AuditHead(seq: 12, hash: last.hash, occurredAt: last.occurredAt))
        let verification = try harness.store.auditChainVerification()
        #expect(verification == AuditVerification(eventCount: 12, head: head, firstBreak: nil))
        #expect(verification.isIntact)
    }
}
