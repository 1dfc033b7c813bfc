import Foundation
import Logging
import SQLiteDB

/// Persistence of specs, their append-only revisions, API tokens, environments, rollouts and the
/// hash-chained audit log, on one SQLite file.
///
/// Every method is synchronous and may block (on the write lock, a free reader, or SQLite's busy
/// timeout); call it from request threads, never from Swift concurrency tasks. Writes are
/// serialized through one writer connection in `BEGIN IMMEDIATE` transactions; reads run on a
/// pool of read-only connections, each in one snapshot.
public final class SpecStore: Sendable {
    let database: SQLiteDatabase
    let migrator: Migrator
    let now: @Sendable () -> Date
    let logger: Logger
    /// Recently authenticated tokens (see `TokenCache`).
    let tokenCache = TokenCache()

    /// Opens the database at `path` (creating it and its directory if missing) and applies pending
    /// migrations.
    ///
    /// - Throws: `.databaseIsNewer` if the file was migrated by a newer build; `.busy` if another
    ///   process holds the write lock beyond the busy timeout; `.storage` or `.migrationFailed`
    ///   otherwise.
    public init(
        path: String,
        readerCount: Int = 4,
        busyTimeoutMilliseconds: Int = 5000,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) throws(StoreError) {
        let migrator = try Self.makeMigrator()
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(
                path: path, readerCount: readerCount, busyTimeoutMilliseconds: busyTimeoutMilliseconds
            )
        } catch {
            throw StoreError.from(error)
        }
        do {
            try Self.applyMigrations(migrator, on: database, logger: logger)
        } catch {
            database.close()
            throw error
        }
        self.database = database
        self.migrator = migrator
        self.now = now
        self.logger = logger
        logger.debug("spec store opened", metadata: ["path": "\(path)", "readers": "\(readerCount)"])
    }

    /// Applies pending migrations to the database at `path` and returns their identifiers (empty
    /// when it was up to date). For `trafficspec migrate`.
    public static func migrate(path: String, logger: Logger) throws(StoreError) -> [String] {
        let migrator = try makeMigrator()
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(path: path, readerCount: 1)
        } catch {
            throw StoreError.from(error)
        }
        defer { database.close() }
        return try applyMigrations(migrator, on: database, logger: logger)
    }

    /// Identifiers of the migrations compiled into this build, in order.
    public static var knownMigrations: [String] {
        EmbeddedMigrations.all.map(\.identifier)
    }

    static func makeMigrator() throws(StoreError) -> Migrator {
        do {
            return try Migrator(migrations: EmbeddedMigrations.all.map { Migration(identifier: $0.identifier, sql: $0.sql) })
        } catch {
            throw StoreError.from(error)
        }
    }

    @discardableResult
    static func applyMigrations(_ migrator: Migrator, on database: SQLiteDatabase, logger: Logger) throws(StoreError) -> [String] {
        let applied: [String]
        do {
            applied = try database.withWriterConnection { connection in
                try migrator.migrate(connection)
            }
        } catch {
            let mapped = StoreError.from(error)
            logger.error("database migration failed", metadata: ["error": "\(mapped)"])
            throw mapped
        }
        for identifier in applied {
            logger.info("applied database migration", metadata: ["migration": "\(identifier)"])
        }
        return applied
    }

    /// Succeeds when a reader connection answers a query and every known migration is applied.
    public func checkReadiness() throws(StoreError) {
        let pending = try read { connection in
            _ = try connection.queryOne("SELECT count(*) FROM schema_migrations")
            return try migrator.pendingMigrations(connection)
        }
        guard pending.isEmpty else {
            throw .notReady(reason: "pending migrations: \(pending.joined(separator: ", "))")
        }
    }

    /// Closes every connection (checkpointing the WAL). Later calls fail with `.storage`.
    public func close() {
        database.close()
    }

    // MARK: Transactions with error mapping

    /// Runs `body` in a write transaction and maps every error through `StoreError.from`.
    func write<T>(specName: String? = nil, _ body: @escaping (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        do {
            // Group commit: concurrent writes share one fsync; each still runs alone in its own
            // savepoint, and returns only once the shared commit is durable.
            return try database.groupWrite(body)
        } catch {
            throw StoreError.from(error, specName: specName)
        }
    }

    /// Runs `body` in a read snapshot and maps every error through `StoreError.from`.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreError.from(error)
        }
    }

    /// The current time as stored text and as the `Date` that text reads back as, so that a
    /// returned record equals the same record read later.
    func timestamp() -> (text: String, date: Date) {
        let text = Timestamp.format(now())
        return (text, Timestamp.parse(text) ?? now())
    }
}
