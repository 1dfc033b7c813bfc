/// Applies `Migration`s in order, each exactly once, and records them in
/// `schema_migrations(identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the insert of its
/// identifier, so a migration is either applied and recorded or neither.
public struct Migrator: Sendable {
    /// The known migrations, sorted by identifier.
    public let migrations: [Migration]

    /// Creates a migrator; the migrations are sorted by identifier.
    public init(migrations: [Migration]) throws(MigrationError) {
        let sorted = migrations.sorted { $0.identifier < $1.identifier }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.identifier == next.identifier {
            throw .duplicateIdentifier(next.identifier)
        }
        self.migrations = sorted
    }

    static let createTableSQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            identifier TEXT PRIMARY KEY NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT
        """

    // RFC 3339 UTC with milliseconds: strftime's %f is "fractional seconds: SS.SSS"
    // (sqlite.org/lang_datefunc.html).
    static let recordSQL = """
        INSERT INTO schema_migrations (identifier, applied_at)
        VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        """

    /// Identifiers recorded in the database, ascending. Empty if the table does not exist yet.
    /// Works on read-only connections.
    public func appliedMigrations(_ connection: SQLiteConnection) throws(MigrationError) -> [String] {
        do {
            let exists = try connection.queryOne(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
            )
            guard exists != nil else { return [] }
            return try connection.query("SELECT identifier FROM schema_migrations ORDER BY identifier")
                .map { (row) throws(SQLiteError) in try row.string(0) }
        } catch {
            throw .storage(error)
        }
    }

    /// Known migrations not yet recorded, in the order they would be applied. Throws
    /// `databaseIsNewer` if the database records identifiers this build does not know.
    public func pendingMigrations(_ connection: SQLiteConnection) throws(MigrationError) -> [String] {
        try pending(applied: appliedMigrations(connection)).map(\.identifier)
    }

    private func pending(applied: [String]) throws(MigrationError) -> [Migration] {
        let known = Set(migrations.map(\.identifier))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw .databaseIsNewer(unknown: unknown)
        }
        let done = Set(applied)
        return migrations.filter { !done.contains($0.identifier) }
    }

    /// Applies every pending migration in order and returns the identifiers applied (empty when
    /// the database was up to date). Must be called outside any transaction, on a writer.
    ///
    /// Foreign key enforcement is switched off while migrating, because rebuilding a table (the
    /// documented way to change it, sqlite.org/lang_altertable.html §7) would otherwise cascade or
    /// fail half-way; `PRAGMA foreign_key_check` must then report nothing before each commit.
    @discardableResult
    public func migrate(_ connection: SQLiteConnection) throws(MigrationError) -> [String] {
        guard !connection.isInTransaction else {
            // "This pragma is a no-op within a transaction" (foreign_keys), so the FK handling below would be void.
            throw .storage(.misuse("migrate must run outside a transaction"))
        }
        do {
            try connection.execute(Self.createTableSQL)
            // Fail fast, before touching anything, when the database is newer than this build.
            guard try !pending(applied: appliedMigrations(connection)).isEmpty else { return [] }
            try connection.execute("PRAGMA foreign_keys = OFF")
        } catch let error as MigrationError {
            throw error
        } catch let error as SQLiteError {
            throw .storage(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        defer { try? connection.execute("PRAGMA foreign_keys = ON") }
        var applied: [String] = []
        for migration in migrations {
            if try apply(migration, on: connection) {
                applied.append(migration.identifier)
            }
        }
        return applied
    }

    /// Applies one migration unless it is already recorded (another process may have applied it
    /// since we looked: the check is repeated under the write lock). Returns whether it ran.
    private func apply(_ migration: Migration, on connection: SQLiteConnection) throws(MigrationError) -> Bool {
        do {
            return try connection.transaction(.immediate) { connection throws -> Bool in
                let applied = try appliedMigrations(connection)
                guard try pending(applied: applied).contains(migration) else { return false }
                do throws(SQLiteError) {
                    try connection.execute(migration.sql)
                } catch {
                    throw MigrationError.failed(migration: migration.identifier, error: error)
                }
                if let violation = try connection.queryOne("PRAGMA foreign_key_check") {
                    throw MigrationError.foreignKeyViolation(
                        migration: migration.identifier,
                        table: (try? violation.string(0)) ?? "?",
                        rowid: try? violation.optionalInt64(1)
                    )
                }
                try connection.execute(Self.recordSQL, [.text(migration.identifier)])
                return true
            }
        } catch let error as MigrationError {
            throw error
        } catch let error as SQLiteError {
            throw .storage(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}
