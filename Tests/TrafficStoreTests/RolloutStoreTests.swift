import Foundation
import Synchronization
import Testing
import TrafficCore
import TrafficStore

@Suite("SpecStore rollouts")
struct RolloutStoreTests {
    /// checkout has revisions 1-3; dev gets 1, 2, 3, staging 1, 2, prod 1; then dev is rolled back
    /// twice (3 → 2 → 1), staging once (2 → 1), and prod cannot go back.
    @Test func historyAcrossThreeEnvironments_withRollbacksOfRollbacks() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 3)
        for revision in 1...3 { try harness.rollout("checkout", revision, to: "dev") }
        for revision in 1...2 { try harness.rollout("checkout", revision, to: "staging") }
        try harness.rollout("checkout", 1, to: "prod", reason: "first release")

        #expect(try harness.store.currentRollout(spec: "checkout", environment: "dev")?.revision == 3)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "dev") == 2)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "staging") == 1)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "prod") == nil)

        let firstRollback = try harness.rollback("checkout", in: "dev", reason: "latency regression")
        #expect(firstRollback.kind == .rollback)
        #expect(firstRollback.revision == 2)
        #expect(firstRollback.replacedRevision == 3)
        #expect(firstRollback.reason == "latency regression")
        // Rolling back the rollback goes further back, not forward again to 3.
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "dev") == 1)
        let secondRollback = try harness.rollback("checkout", in: "dev")
        #expect(secondRollback.revision == 1)
        #expect(secondRollback.replacedRevision == 2)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "dev") == nil)
        #expect(throws: StoreError.nothingToRollBack(spec: "checkout", environment: "dev")) {
            try harness.rollback("checkout", in: "dev")
        }

        try harness.rollback("checkout", in: "staging")
        #expect(throws: StoreError.nothingToRollBack(spec: "checkout", environment: "prod")) {
            try harness.rollback("checkout", in: "prod")
        }

        let dev = try harness.store.rollouts(spec: "checkout", environment: "dev", limit: 50, after: nil).items
        #expect(dev.map(\.revision) == [1, 2, 3, 2, 1])
        #expect(dev.map(\.kind) == [.rollout, .rollout, .rollout, .rollback, .rollback])
        #expect(dev.map(\.replacedRevision) == [nil, 1, 2, 3, 2])
        #expect(dev.allSatisfy { $0.environment == "dev" && $0.spec == "checkout" && $0.actor == "deployer" })
        #expect(dev.map(\.manifestsDigest) == [1, 2, 3, 2, 1].map { SpecStoreHarness.manifestsDigest("checkout", $0) })
        let staging = try harness.store.rollouts(spec: "checkout", environment: "staging", limit: 50, after: nil).items
        #expect(staging.map(\.revision) == [1, 2, 1])
        #expect(staging.map(\.replacedRevision) == [nil, 1, 2])
        let prod = try harness.store.rollouts(spec: "checkout", environment: "prod", limit: 50, after: nil).items
        #expect(prod.map(\.revision) == [1])
        #expect(prod.first?.reason == "first release")
        #expect(prod.first?.createdAt == SpecStoreHarness.start.addingTimeInterval(2 + 6))

        // What runs where.
        let environments = try harness.store.environments()
        #expect(environments.map(\.name) == ["dev", "prod", "staging"])
        for environment in environments {
            #expect(environment.deployments.map(\.revision) == [1], "\(environment.name)")
            #expect(environment.latestRollout == environment.deployments.first)
            #expect(environment.createdBy == "deployer")
        }
        #expect(try harness.store.environment(name: "dev")?.deployment(of: "checkout")?.kind == .rollback)
        #expect(try harness.store.environment(name: "qa") == nil)

        #expect(try harness.store.wasDeployed(spec: "checkout", revision: 3, environment: "dev"))
        #expect(try !harness.store.wasDeployed(spec: "checkout", revision: 3, environment: "staging"))
        #expect(try !harness.store.wasDeployed(spec: "checkout", revision: 1, environment: "qa"))

        // Every change is in the audit chain, environments created on first use included.
        let actions = try harness.store.auditEvents(limit: 100, after: nil).items.map(\.action)
        #expect(actions == ["spec.created", "revision.created", "revision.created"]
            + ["environment.created", "rollout.recorded", "rollout.recorded", "rollout.recorded"]
            + ["environment.created", "rollout.recorded", "rollout.recorded"]
            + ["environment.created", "rollout.recorded"]
            + ["rollback.recorded", "rollback.recorded", "rollback.recorded"])
        #expect(try harness.store.verifyAuditChain() == nil)
    }

    @Test func rollingForwardAfterARollback_thenRollingBackAgain() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 4)
        for revision in 1...3 { try harness.rollout("checkout", revision, to: "prod") }
        try harness.rollback("checkout", in: "prod")              // runs 2
        try harness.rollout("checkout", 4, to: "prod")            // runs 4; history 1, 2, 4
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "prod") == 2)
        try harness.rollout("checkout", 4, to: "prod")            // redeploying adds no step back
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "prod") == 2)
        let back = try harness.rollback("checkout", in: "prod")
        #expect(back.revision == 2)
        #expect(back.replacedRevision == 4)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "prod") == 1)
    }

    @Test func rollbackToANamedRevision_isRecordedAndRewindsTheHistory() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 4)
        for revision in 1...4 { try harness.rollout("checkout", revision, to: "prod") }
        let named = try harness.rollout("checkout", 2, to: "prod", kind: .rollback, reason: "back to known good")
        #expect(named.replacedRevision == 4)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "prod") == 1)
    }

    @Test func forcedRollout_isRecordedWithItsReason() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 2)
        try harness.rollout("checkout", 1, to: "prod")
        for blank in ["", "   ", "\n\t"] {
            #expect(throws: StoreError.forcedRolloutWithoutReason(spec: "checkout", environment: "prod")) {
                try harness.rollout("checkout", 2, to: "prod", reason: blank, forced: true)
            }
        }
        let forced = try harness.rollout(
            "checkout", 2, to: "prod", reason: "hotfix: known false positive in RATE-003", actor: "oncall", forced: true
        )
        #expect(forced.forced)
        #expect(forced.reason == "hotfix: known false positive in RATE-003")
        let stored = try harness.store.rollouts(spec: "checkout", environment: "prod", limit: 10, after: nil).items
        #expect(stored.last == forced)
        #expect(stored.map(\.forced) == [false, true])

        let event = try #require(harness.store.auditEvents(matching: AuditFilter(action: "rollout.forced"), limit: 10, after: nil).items.first)
        #expect(event.actor == "oncall")
        #expect(event.subject == "checkout")
        #expect(event.details == """
            {"apply":null,"environment":"prod","forced":true,"kind":"rollout",\
            "manifestsDigest":"\(SpecStoreHarness.manifestsDigest("checkout", 2))",\
            "reason":"hotfix: known false positive in RATE-003","replacedRevision":1,"revision":2,"rollout":2}
            """)
        #expect(try harness.store.verifyAuditChain() == nil)
    }

    @Test func applyOutcome_isStoredWithTheRollout() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 3)
        let outcomes = [
            ApplyOutcome(status: .succeeded, exitStatus: 0, outputTail: "gateway.gateway.networking.k8s.io/task-api serverside-applied\n"),
            ApplyOutcome(status: .failed, exitStatus: 1, outputTail: "error: unable to connect"),
            ApplyOutcome(status: .failed, exitStatus: nil, outputTail: "timed out after 30 s"),
        ]
        for (index, outcome) in outcomes.enumerated() {
            try harness.rollout("checkout", index + 1, to: "prod", apply: outcome)
        }
        try harness.rollout("checkout", 3, to: "dev")
        let prod = try harness.store.rollouts(spec: "checkout", environment: "prod", limit: 10, after: nil).items
        #expect(prod.map(\.apply) == outcomes)
        #expect(try harness.store.currentRollout(spec: "checkout", environment: "dev")?.apply == nil)
        let details = try harness.store.auditEvents(matching: AuditFilter(environment: "prod", action: "rollout.recorded"), limit: 10, after: nil)
            .items.map(\.details)
        #expect(details.count == 3)
        #expect(details[1].hasPrefix(#"{"apply":{"exitStatus":1,"status":"failed"},"#))
        #expect(details[2].hasPrefix(#"{"apply":{"exitStatus":null,"status":"failed"},"#))
        // The output tail is stored with the rollout but kept out of the audit history.
        #expect(!details.contains { $0.contains("unable to connect") })
    }

    @Test func concurrentRollbacks_fromTheSameRevision_exactlyOneWins() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 3)
        for revision in 1...3 { try harness.rollout("checkout", revision, to: "prod") }
        let store = harness.store
        let results = Mutex<[Result<RolloutRecord, StoreError>]>([])
        let group = DispatchGroup()
        for writer in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                let result = Result { () throws(StoreError) -> RolloutRecord in
                    try store.recordRollout(
                        spec: "checkout", revision: 2, environment: "prod", kind: .rollback, reason: "writer \(writer)",
                        actor: "w\(writer)", manifestsDigest: SpecStoreHarness.manifestsDigest("checkout", 2),
                        expectingCurrentRevision: 3
                    )
                }
                results.withLock { $0.append(result) }
                group.leave()
            }
        }
        group.wait()
        let all = results.withLock { $0 }
        #expect(all.filter { (try? $0.get()) != nil }.count == 1)
        let conflicts = all.filter {
            $0 == .failure(.rolloutConflict(spec: "checkout", environment: "prod", expectedRevision: 3, currentRevision: 2))
        }
        #expect(conflicts.count == 3)
        #expect(try harness.store.previousRevision(spec: "checkout", environment: "prod") == 1)
    }

    @Test func recordRollout_refusesBadInput_andWritesNothing() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 1)
        let eventsBefore = try harness.count("audit_events")
        #expect(throws: StoreError.specNotFound(name: "payments")) {
            try harness.rollout("payments", 1, to: "prod")
        }
        #expect(throws: StoreError.revisionNotFound(name: "checkout", number: 2)) {
            try harness.rollout("checkout", 2, to: "prod")
        }
        for name in ["Prod", "prod_eu", "-prod", "", String(repeating: "p", count: 64)] {
            #expect {
                try harness.rollout("checkout", 1, to: name)
            } throws: { error in
                guard case StoreError.invalidEnvironmentName(let rejected, _) = error else { return false }
                return rejected == name
            }
        }
        #expect(throws: StoreError.invalidManifestsDigest(spec: "checkout", digest: "ABC")) {
            try harness.store.recordRollout(
                spec: "checkout", revision: 1, environment: "prod", kind: .rollout, reason: "", actor: "x", manifestsDigest: "ABC"
            )
        }
        #expect(throws: StoreError.nothingToRollBack(spec: "checkout", environment: "prod")) {
            try harness.rollout("checkout", 1, to: "prod", kind: .rollback)
        }
        #expect(throws: StoreError.rolloutConflict(spec: "checkout", environment: "prod", expectedRevision: 1, currentRevision: nil)) {
            try harness.rollout("checkout", 1, to: "prod", expectingCurrentRevision: 1)
        }
        // Not even the environment: it would have been created in the same, rolled back, transaction.
        #expect(try harness.store.environments().isEmpty)
        #expect(try harness.count("rollouts") == 0)
        #expect(try harness.count("audit_events") == eventsBefore)
        #expect(throws: StoreError.specNotFound(name: "payments")) {
            try harness.store.rollouts(spec: "payments", limit: 10, after: nil)
        }
        #expect(throws: StoreError.invalidPageLimit(0)) {
            try harness.store.rollouts(spec: "checkout", limit: 0, after: nil)
        }
    }

    @Test func rollouts_arePaginatedById_perSpec() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 2)
        try harness.makeSpec("payments", revisions: 1)
        for environment in ["dev", "staging", "prod"] {
            try harness.rollout("checkout", 1, to: environment)
            try harness.rollout("payments", 1, to: environment)
            try harness.rollout("checkout", 2, to: environment)
        }
        var pages: [[Int64]] = []
        var cursor: Int64?
        repeat {
            let page = try harness.store.rollouts(spec: "checkout", limit: 4, after: cursor)
            pages.append(page.items.map(\.id))
            cursor = page.nextCursor.flatMap { Int64($0) }
        } while cursor != nil
        #expect(pages == [[1, 3, 4, 6], [7, 9]])
        let staging = try harness.store.rollouts(spec: "checkout", environment: "staging", limit: 1, after: nil)
        #expect(staging.items.map(\.id) == [4])
        #expect(staging.nextCursor == "4")
        #expect(try harness.store.rollouts(spec: "checkout", environment: "staging", limit: 1, after: 4).items.map(\.id) == [6])
        #expect(try harness.store.rollouts(spec: "checkout", environment: "qa", limit: 10, after: nil).items.isEmpty)

        let prod = try #require(try harness.store.environment(name: "prod"))
        #expect(prod.deployments.map(\.spec) == ["checkout", "payments"])
        #expect(prod.deployments.map(\.revision) == [2, 1])
        #expect(prod.latestRollout?.id == 9)
    }

    @Test func ensureEnvironment_createsOnce() throws {
        let harness = try SpecStoreHarness()
        let created = try harness.store.ensureEnvironment(name: "staging", actor: "admin")
        #expect(created == EnvironmentRecord(name: "staging", createdAt: SpecStoreHarness.start, createdBy: "admin", deployments: []))
        harness.advance(seconds: 10)
        #expect(try harness.store.ensureEnvironment(name: "staging", actor: "someone-else") == created)
        #expect(try harness.store.auditEvents(limit: 10, after: nil).items.map(\.action) == ["environment.created"])
        #expect(try harness.store.auditEvents(limit: 10, after: nil).items.first?.subject == "environment/staging")
        let problem = try #require(DNSName.labelProblem("Staging"))
        #expect(throws: StoreError.invalidEnvironmentName(name: "Staging", reason: problem)) {
            try harness.store.ensureEnvironment(name: "Staging", actor: "admin")
        }
    }
}
