/// One forward-only schema change: a SQL script and the identifier it is recorded under.
public struct Migration: Sendable, Equatable {
    /// Unique, sortable name such as `0001_initial`; applied in ascending order.
    public var identifier: String
    /// The script; may contain several statements, but no BEGIN/COMMIT (the migrator owns the
    /// transaction).
    public var sql: String

    /// Creates a migration.
    public init(identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}
