/// Why migrating a database failed.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database records migrations this build does not know: it was migrated by a newer
    /// build, and running older code against it could corrupt data, so we refuse to start.
    case databaseIsNewer(unknown: [String])
    /// The migration list given to `Migrator` has the same identifier twice.
    case duplicateIdentifier(String)
    /// After the migration ran, `PRAGMA foreign_key_check` reported rows (the first one's table
    /// and rowid are named); the migration was rolled back.
    case foreignKeyViolation(migration: String, table: String, rowid: Int64?)
    /// The migration's SQL failed; it was rolled back.
    case failed(migration: String, error: SQLiteError)
    /// Reading or writing `schema_migrations` failed.
    case storage(SQLiteError)

    /// A human-readable description.
    public var description: String {
        switch self {
        case .databaseIsNewer(let unknown):
            "database was migrated by a newer version (unknown migrations: \(unknown.joined(separator: ", ")))"
        case .duplicateIdentifier(let identifier):
            "migration identifier \(identifier) is listed twice"
        case .foreignKeyViolation(let migration, let table, let rowid):
            "migration \(migration) leaves a foreign key violation in \(table) (rowid \(rowid.map(String.init) ?? "none"))"
        case .failed(let migration, let error):
            "migration \(migration) failed: \(error)"
        case .storage(let error):
            "migration bookkeeping failed: \(error)"
        }
    }
}
