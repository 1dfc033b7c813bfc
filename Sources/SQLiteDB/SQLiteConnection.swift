import CSQLite

/// One SQLite database connection. Not thread-safe, and deliberately not `Sendable`: it is opened
/// with SQLITE_OPEN_NOMUTEX, so the caller (`SQLiteDatabase`) must make sure only one thread uses
/// it at a time.
public final class SQLiteConnection {
    /// Whether a connection may write.
    public enum Mode: Sendable {
        /// Read-write, creating the file if missing; sets WAL mode and `synchronous=FULL`.
        case readWrite
        /// Read-only; relies on a writer having set WAL mode on the file.
        case readOnly
    }

    private var handle: OpaquePointer?
    private var statementCache: [String: SQLiteStatement] = [:]
    /// The file path given at open.
    public let path: String
    /// The mode given at open.
    public let mode: Mode

    /// Opens (and for `.readWrite`, creates) the database at `path` and configures it.
    ///
    /// - Parameter busyTimeoutMilliseconds: how long a statement waits on a lock held by another
    ///   connection before failing with SQLITE_BUSY. Must be positive: an infinite wait would let
    ///   one stuck writer hang every request.
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int = 5000) throws(SQLiteError) {
        guard busyTimeoutMilliseconds > 0, busyTimeoutMilliseconds <= Int(Int32.max) else {
            throw SQLiteError.misuse("busy timeout must be between 1 and \(Int32.max) ms")
        }
        // NOMUTEX selects the multi-thread mode: "SQLite can be safely used by multiple threads
        // provided that no single database connection … is used simultaneously in two or more
        // threads" (sqlite.org/threadsafe.html). SQLiteDatabase guarantees exactly that, so the
        // per-call mutex of serialized mode would be pure overhead.
        let access = mode == .readWrite ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, access | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            // "Whether or not an error occurs when it is opened, resources associated with the
            // database connection handle should be released by passing it to sqlite3_close()"
            // (sqlite.org/c3ref/open.html).
            let error = SQLiteError(code: code, connection: db, sql: nil)
            sqlite3_close_v2(db)
            throw error
        }
        self.handle = db
        self.path = path
        self.mode = mode
        do {
            try configure(db, busyTimeoutMilliseconds: Int32(busyTimeoutMilliseconds))
        } catch {
            close(force: true)
            throw error
        }
    }

    deinit {
        close(force: true)
    }

    private func configure(_ db: OpaquePointer, busyTimeoutMilliseconds: Int32) throws(SQLiteError) {
        // Extended codes tell SQLITE_CONSTRAINT_UNIQUE from SQLITE_CONSTRAINT_TRIGGER, which the
        // store maps to different answers.
        sqlite3_extended_result_codes(db, 1)
        // "sqlite3_busy_timeout() sets a busy handler that sleeps for a specified amount of time
        // when a table is locked" (sqlite.org/c3ref/busy_timeout.html) — bounded, never infinite.
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        try check(csqlite_disable_double_quoted_strings(db), sql: "SQLITE_DBCONFIG_DQS_DDL/DML = 0")
        try check(csqlite_enable_defensive(db), sql: "SQLITE_DBCONFIG_DEFENSIVE = 1")
        // "Foreign key constraints are disabled by default … must be enabled separately for each
        // database connection" (sqlite.org/foreignkeys.html §2).
        try execute("PRAGMA foreign_keys = ON")
        guard mode == .readWrite else { return }
        // WAL lets readers run concurrently with the single writer. The pragma returns the mode
        // actually in force, which stays the old one if WAL is unavailable (e.g. some network
        // file systems), so the answer must be checked rather than assumed.
        let journalMode = try queryOne("PRAGMA journal_mode = WAL", [])?.optionalString(0)
        guard journalMode?.lowercased() == "wal" else {
            throw SQLiteError(
                code: SQLITE_ERROR,
                message: "could not enable WAL mode (journal_mode is \(journalMode ?? "unknown"))",
                sql: "PRAGMA journal_mode = WAL"
            )
        }
        // FULL, not NORMAL: "In WAL mode when synchronous is NORMAL … a transaction committed in WAL
        // mode with synchronous=NORMAL might roll back following a power loss or system crash"
        // (sqlite.org/pragma.html#pragma_synchronous). An acknowledged write must survive that.
        try execute("PRAGMA synchronous = FULL")
    }

    private func check(_ code: Int32, sql: String) throws(SQLiteError) {
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: handle, sql: sql)
        }
    }

    func liveHandle(sql: String?) throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError.misuse("connection is closed", sql: sql)
        }
        return handle
    }

    // MARK: Statements

    /// Prepares a statement that the caller owns (not cached).
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: liveHandle(sql: sql), sql: sql, persistent: false)
    }

    /// Returns the cached statement for `sql`, preparing it on first use. Caching by SQL text
    /// saves re-parsing the same queries on every request.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statementCache[sql] {
            return statement
        }
        let statement = try SQLiteStatement(connection: liveHandle(sql: sql), sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a script of zero or more statements without parameters (used for migrations and pragmas).
    public func execute(_ sql: String) throws(SQLiteError) {
        let db = try liveHandle(sql: sql)
        let utf8 = sql.utf8CString
        try utf8.withUnsafeBufferPointer { (buffer) throws(SQLiteError) in
            guard var cursor = buffer.baseAddress else { return }
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v3(db, cursor, -1, 0, &statement, &tail)
                guard code == SQLITE_OK else {
                    sqlite3_finalize(statement)
                    throw SQLiteError(code: code, connection: db, sql: Self.remainingStatement(cursor))
                }
                defer { sqlite3_finalize(statement) }
                if let statement {
                    // Step the statement to completion; rows of e.g. a PRAGMA are discarded.
                    var result = sqlite3_step(statement)
                    while result == SQLITE_ROW {
                        result = sqlite3_step(statement)
                    }
                    guard result == SQLITE_DONE else {
                        let text = sqlite3_sql(statement).map { String(cString: $0) }
                        throw SQLiteError(code: result, connection: db, sql: text)
                    }
                }
                guard let tail, tail != cursor else { return }
                cursor = tail
            }
        }
    }

    private static func remainingStatement(_ cursor: UnsafePointer<CChar>) -> String {
        let text = String(cString: cursor).trimmingPrefixWhitespace()
        let firstStatement = text.split(separator: ";", maxSplits: 1).first.map(String.init) ?? text
        return String(firstStatement.prefix(200))
    }

    /// Runs one statement with `values` bound to its parameters, discarding any rows.
    public func execute(_ sql: String, _ values: [SQLiteValue]) throws(SQLiteError) {
        try cachedStatement(sql).execute(values)
    }

    /// Runs one query and returns every row.
    public func query(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        try cachedStatement(sql).query(values)
    }

    /// Runs one query and returns its first row, or `nil` if there is none.
    public func queryOne(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteRow? {
        let statement = try cachedStatement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? statement.currentRow() : nil
    }

    /// Runs one query and calls `body` for each row without collecting them all in memory.
    public func forEachRow(_ sql: String, _ values: [SQLiteValue] = [], _ body: (SQLiteRow) throws -> Void) throws {
        try cachedStatement(sql).forEachRow(values, body)
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int {
        handle.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// `true` while a transaction is open ("autocommit mode is disabled by a BEGIN statement",
    /// sqlite.org/c3ref/get_autocommit.html).
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// SQL of statements that have been stepped but not reset or finished. Should be empty
    /// between operations; tests use it as a leak detector.
    public var busyStatements: [String] {
        guard let handle else { return [] }
        var result: [String] = []
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            if sqlite3_stmt_busy(current) != 0 {
                result.append(sqlite3_sql(current).map { String(cString: $0) } ?? "")
            }
            statement = sqlite3_next_stmt(handle, current)
        }
        return result
    }

    // MARK: Closing

    /// Finalizes cached statements and closes the connection.
    ///
    /// Throws SQLITE_MISUSE, after closing anyway, if a statement was still busy (a statement left
    /// mid-iteration is a bug: it pins a read snapshot or holds a lock).
    public func close() throws(SQLiteError) {
        let busy = busyStatements
        close(force: true)
        if !busy.isEmpty {
            throw SQLiteError.misuse("connection closed with \(busy.count) busy statement(s)", sql: busy.first)
        }
    }

    private func close(force: Bool) {
        guard let db = handle else { return }
        statementCache.removeAll()
        // sqlite3_close_v2: if a statement is still held elsewhere, "the database connection
        // becomes an unusable zombie which will automatically be deallocated when the last
        // prepared statement is finalized" — so a late SQLiteStatement.deinit stays safe.
        sqlite3_close_v2(db)
        handle = nil
    }

    /// `true` once `close()` has run.
    public var isClosed: Bool {
        handle == nil
    }
}

/// A connection must only ever be used by one thread at a time; see `SQLiteDatabase`.
@available(*, unavailable)
extension SQLiteConnection: Sendable {}

extension String {
    fileprivate func trimmingPrefixWhitespace() -> String {
        String(drop(while: { $0.isWhitespace }))
    }
}
