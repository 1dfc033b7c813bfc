import Foundation
import Logging
import SQLiteDB
import Testing
import TrafficStore

@Suite("SpecStore")
struct SpecStoreTests {
    @Test func init_fromEmpty_appliesEveryEmbeddedMigration() throws {
        let harness = try SpecStoreHarness()
        #expect(SpecStore.knownMigrations.first == "0001_initial")
        let connection = try harness.rawConnection()
        let applied = try connection.query("SELECT identifier FROM schema_migrations ORDER BY identifier")
            .map { try $0.string(0) }
        #expect(applied == SpecStore.knownMigrations)
        for table in ["specs", "revisions", "audit_events"] {
            #expect(try connection.queryOne("SELECT 1 FROM sqlite_schema WHERE name = ?", [.text(table)]) != nil)
        }
        #expect(try connection.queryOne("PRAGMA journal_mode")?.string(0) == "wal")
    }

    @Test func migrate_appliesOnceThenNothing() throws {
        let directory = TemporaryDirectory()
        let logger = Logger(label: "test")
        #expect(try SpecStore.migrate(path: directory.databasePath, logger: logger) == SpecStore.knownMigrations)
        #expect(try SpecStore.migrate(path: directory.databasePath, logger: logger) == [])
    }

    @Test func init_databaseWithUnknownMigration_isNewer() throws {
        let directory = TemporaryDirectory()
        _ = try SpecStore.migrate(path: directory.databasePath, logger: Logger(label: "test"))
        let connection = try SQLiteConnection(path: directory.databasePath)
        try connection.execute(
            "INSERT INTO schema_migrations (identifier, applied_at) VALUES (?, ?)",
            ["9999_from_the_future", "2030-01-01T00:00:00.000Z"]
        )
        try connection.close()
        #expect {
            _ = try SpecStore(path: directory.databasePath, logger: Logger(label: "test"))
        } throws: { error in
            guard case StoreError.databaseIsNewer(let unknown) = error else { return false }
            return unknown == ["9999_from_the_future"]
        }
    }

    @Test func checkReadiness_succeedsWhenOpen_failsWhenClosed() throws {
        let harness = try SpecStoreHarness()
        try harness.store.checkReadiness()
        harness.store.close()
        #expect(throws: StoreError.self) { try harness.store.checkReadiness() }
    }

    @Test func createSpec_thenRead() throws {
        let harness = try SpecStoreHarness()
        let new = NewRevision.make("checkout", format: .json)
        let created = try harness.store.createSpec(new, actor: "alice")
        #expect(created == RevisionRecord(
            specName: "checkout", number: 1, digest: new.digest, format: .json, source: new.source,
            canonical: new.canonical, createdAt: SpecStoreHarness.start, createdBy: "alice"
        ))
        #expect(try harness.store.revision(of: "checkout", number: 1) == created)
        #expect(try harness.store.latestRevision(of: "checkout") == created)
        #expect(try harness.store.spec(named: "checkout") == SpecSummary(
            name: "checkout", createdAt: SpecStoreHarness.start, createdBy: "alice", updatedAt: SpecStoreHarness.start,
            latestRevision: 1, latestDigest: new.digest, revisionCount: 1
        ))
        #expect(try harness.store.spec(named: "missing") == nil)
        #expect(try harness.store.latestRevision(of: "missing") == nil)
        #expect(try harness.store.revision(of: "checkout", number: 2) == nil)
        let stored = try harness.rawConnection().queryOne("SELECT created_at FROM revisions")?.string(0)
        #expect(stored == "2026-11-22T10:00:00.000Z")
    }

    @Test func createSpec_existingName_isRefused() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        #expect {
            _ = try harness.store.createSpec(.make("checkout", content: "other"), actor: "bob")
        } throws: { error in
            guard case StoreError.specAlreadyExists(let name) = error else { return false }
            return name == "checkout"
        }
        #expect(try harness.count("revisions") == 1)
        #expect(try harness.count("audit_events") == 1)
    }

    @Test(arguments: ["Checkout", "-checkout", "checkout-", "check_out", "", String(repeating: "a", count: 64)])
    func createSpec_nameThatIsNotADNSLabel_isRefusedBySchema(name: String) throws {
        let harness = try SpecStoreHarness()
        #expect {
            _ = try harness.store.createSpec(.make(name), actor: "alice")
        } throws: { error in
            guard case StoreError.storage(let sqlite) = error else { return false }
            return sqlite.isCheckConstraint
        }
    }

    @Test func listSpecs_paginatesByNameWithCursors() throws {
        let harness = try SpecStoreHarness()
        for name in ["echo", "alpha", "delta", "bravo", "charlie"] {
            _ = try harness.store.createSpec(.make(name), actor: "alice")
        }
        let first = try harness.store.listSpecs(limit: 2, after: nil)
        #expect(first.items.map(\.name) == ["alpha", "bravo"])
        #expect(first.nextCursor == "bravo")
        let second = try harness.store.listSpecs(limit: 2, after: first.nextCursor)
        #expect(second.items.map(\.name) == ["charlie", "delta"])
        #expect(second.nextCursor == "delta")
        let third = try harness.store.listSpecs(limit: 2, after: second.nextCursor)
        #expect(third.items.map(\.name) == ["echo"])
        #expect(third.nextCursor == nil)
        // Exactly full last page: no cursor pointing at an empty page.
        #expect(try harness.store.listSpecs(limit: 5, after: nil).nextCursor == nil)
        // Stable: the same cursor gives the same page, even after an earlier name is added.
        _ = try harness.store.createSpec(.make("aardvark"), actor: "alice")
        #expect(try harness.store.listSpecs(limit: 2, after: "bravo").items.map(\.name) == ["charlie", "delta"])
        #expect(throws: StoreError.self) { try harness.store.listSpecs(limit: 0, after: nil) }
    }

    @Test func appendRevision_numbersUpAndListsRevisions() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        harness.advance(seconds: 60)
        let second = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: .number(1), actor: "bob")
        #expect(second.created)
        #expect(second.revision.number == 2)
        harness.advance(seconds: 60.5)
        let third = try harness.store.appendRevision(.make("checkout", content: "v3"), expecting: nil, actor: "carol")
        #expect(third.revision.number == 3)
        #expect(try harness.store.revision(of: "checkout", number: 2) == second.revision)

        let summary = try #require(try harness.store.spec(named: "checkout"))
        #expect(summary.latestRevision == 3)
        #expect(summary.revisionCount == 3)
        #expect(summary.latestDigest == third.revision.digest)
        #expect(summary.createdAt == SpecStoreHarness.start)
        #expect(summary.createdBy == "alice")
        #expect(summary.updatedAt == SpecStoreHarness.start.addingTimeInterval(120.5))

        let page = try harness.store.listRevisions(of: "checkout", limit: 2, after: nil)
        #expect(page.items.map(\.number) == [1, 2])
        #expect(page.items.map(\.createdBy) == ["alice", "bob"])
        #expect(page.nextCursor == "2")
        let rest = try harness.store.listRevisions(of: "checkout", limit: 2, after: 2)
        #expect(rest.items.map(\.number) == [3])
        #expect(rest.nextCursor == nil)
    }

    @Test func appendRevision_identicalContent_writesNothing() throws {
        let harness = try SpecStoreHarness()
        let first = try harness.store.createSpec(.make("checkout"), actor: "alice")
        _ = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: nil, actor: "alice")
        let latest = try #require(try harness.store.latestRevision(of: "checkout"))
        harness.advance(seconds: 5)
        let again = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: .number(2), actor: "bob")
        #expect(!again.created)
        #expect(again.revision == latest)
        // Idempotent even with a stale base: the content is already current (documented order).
        let stale = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: .digest(first.digest), actor: "bob")
        #expect(!stale.created)
        #expect(stale.revision.number == 2)
        #expect(try harness.count("revisions") == 2)
        #expect(try harness.count("audit_events") == 2)
        // Content equal to an older, non-latest revision is new content again.
        let revert = try harness.store.appendRevision(.make("checkout"), expecting: .number(2), actor: "bob")
        #expect(revert.created && revert.revision.number == 3)
    }

    @Test func appendRevision_staleBase_failsWithLatest() throws {
        let harness = try SpecStoreHarness()
        let first = try harness.store.createSpec(.make("checkout"), actor: "alice")
        let second = try harness.store.appendRevision(.make("checkout", content: "v2"), expecting: .digest(first.digest), actor: "alice")
        for base in [ExpectedBase.number(1), .digest(first.digest), .number(7)] {
            #expect {
                _ = try harness.store.appendRevision(.make("checkout", content: "v3"), expecting: base, actor: "bob")
            } throws: { error in
                guard case StoreError.preconditionFailed(let name, let expected, let number, let digest) = error else {
                    return false
                }
                return name == "checkout" && expected == base.description && number == 2
                    && digest == second.revision.digest
            }
        }
        #expect(try harness.count("revisions") == 2)
    }

    @Test func missingSpec_isReportedAsNotFound() throws {
        let harness = try SpecStoreHarness()
        func isNotFound(_ error: any Error) -> Bool {
            guard case StoreError.specNotFound(let name) = error else { return false }
            return name == "ghost"
        }
        #expect(performing: { _ = try harness.store.appendRevision(.make("ghost"), expecting: nil, actor: "a") }, throws: isNotFound)
        #expect(performing: { _ = try harness.store.listRevisions(of: "ghost", limit: 10, after: nil) }, throws: isNotFound)
        #expect(performing: { _ = try harness.store.revision(of: "ghost", number: 1) }, throws: isNotFound)
    }

    @Test func write_whileAnotherProcessHoldsTheLock_isBusy() throws {
        let harness = try SpecStoreHarness(busyTimeoutMilliseconds: 100)
        let other = try harness.rawConnection()
        try other.execute("BEGIN IMMEDIATE")
        #expect {
            _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
        } throws: { error in
            guard case StoreError.busy(let retryAfter) = error else { return false }
            return retryAfter == 1
        }
        // Readers are not blocked by a writer in WAL mode.
        #expect(try harness.store.spec(named: "checkout") == nil)
        try other.execute("ROLLBACK")
        _ = try harness.store.createSpec(.make("checkout"), actor: "alice")
    }
}
