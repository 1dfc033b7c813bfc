import Foundation
import SQLiteDB
import Testing
import TrafficStore

/// Prints what `auditChainVerification()` costs over a long history. A figure, never a gate:
/// timing depends on the machine and on the tests running beside it.
@Suite("Audit verification cost")
struct AuditVerifyCostTests {
    static let eventCount = 100_000

    @Test func verify_over100000Events_printsItsCost() throws {
        let harness = try SpecStoreHarness()
        try Self.writeChain(count: Self.eventCount, to: harness.rawConnection())

        let clock = ContinuousClock()
        var verification: AuditVerification?
        let elapsed = try clock.measure {
            verification = try harness.store.auditChainVerification()
        }
        #expect(verification?.eventCount == Int64(Self.eventCount))
        #expect(verification?.isIntact == true)

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #if DEBUG
        let configuration = "debug build"
        #else
        let configuration = "release build"
        #endif
        let figures = String(
            format: "%.3f s (%.0f events/s, %.2f µs/event)",
            seconds, Double(Self.eventCount) / seconds, seconds * 1e6 / Double(Self.eventCount)
        )
        print("audit verify: \(Self.eventCount) events in \(figures); \(configuration)")
    }

    /// Appends a valid chain of rollout-like events in one transaction, hashed by the documented
    /// rule (`AuditEvent`), much faster than one store write per event.
    static func writeChain(count: Int, to connection: SQLiteConnection) throws {
        var previousHash = AuditEvent.genesisHash
        try connection.execute("BEGIN")
        for seq in 1...count {
            let environment = ["dev", "staging", "prod"][seq % 3]
            let details = """
                {"apply":null,"environment":"\(environment)","forced":false,"kind":"rollout",\
                "manifestsDigest":"\(NewRevision.fakeDigest(String(seq)))","reason":"release \(seq)",\
                "replacedRevision":\(seq / 3),"revision":\(seq / 3 + 1),"rollout":\(seq)}
                """
            let second = seq % 86_400
            let occurredAt = String(
                format: "2026-11-22T%02d:%02d:%02d.%03dZ", second / 3600, (second / 60) % 60, second % 60, seq % 1000
            )
            let event = AuditEvent(
                seq: Int64(seq), occurredAt: occurredAt, actor: "deployer-\(seq % 7)", action: "rollout.recorded",
                subject: "service-\(seq % 40)", details: details, prevHash: previousHash
            )
            try connection.execute(
                """
                INSERT INTO audit_events (seq, occurred_at, actor, action, subject, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(event.seq), .text(event.occurredAt), .text(event.actor), .text(event.action),
                    .text(event.subject), .text(event.details), .text(event.prevHash), .text(event.hash),
                ]
            )
            previousHash = event.hash
        }
        try connection.execute("COMMIT")
    }
}
