/// How a transaction begins (sqlite.org/lang_transaction.html).
public enum TransactionKind: String, Sendable {
    /// `BEGIN DEFERRED`: no lock until the first read; in WAL mode the first read fixes the
    /// snapshot that the whole transaction sees. Right for read-only work.
    case deferred = "DEFERRED"
    /// `BEGIN IMMEDIATE`: takes the write lock at once. Right for every write; see
    /// `SQLiteConnection.transaction(_:_:)` for why.
    case immediate = "IMMEDIATE"
    /// `BEGIN EXCLUSIVE`: in WAL mode the same as IMMEDIATE.
    case exclusive = "EXCLUSIVE"
}
