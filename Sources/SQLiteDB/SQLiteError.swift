import CSQLite

/// An error reported by SQLite (or by this wrapper on misuse).
///
/// The description carries the extended result code, SQLite's message and the SQL text, and
/// deliberately never the bound values: specs and audit data may be sensitive, and errors end up
/// in logs. (GRDB hides statement arguments from descriptions by default for the same reason.)
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (sqlite.org/rescode.html), e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public var code: Int32
    /// The message from `sqlite3_errmsg`, or a message written by this wrapper.
    public var message: String
    /// The SQL being prepared or run, with `?` placeholders and without any bound value.
    public var sql: String?

    /// Creates an error from its parts.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Reads the extended code and message of the most recent failure on `db`.
    init(connection db: OpaquePointer?, sql: String?) {
        let code = db.map { sqlite3_extended_errcode($0) } ?? SQLITE_NOMEM
        let message = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
        self.init(code: code, message: message, sql: sql)
    }

    /// Reads the message of `db` but reports `code`, for calls that return the code directly.
    init(code: Int32, connection db: OpaquePointer?, sql: String?) {
        let message = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: message, sql: sql)
    }

    /// An error raised by this wrapper rather than by SQLite (wrong use of the API).
    static func misuse(_ message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(code: SQLITE_MISUSE, message: message, sql: sql)
    }

    /// The primary result code: "the least significant 8 bits of the extended result code"
    /// (sqlite.org/rescode.html).
    public var primaryCode: Int32 {
        code & 0xFF
    }

    /// SQLITE_BUSY or SQLITE_LOCKED, with any extended code: another connection (or, for LOCKED,
    /// this one) holds a conflicting lock and the busy timeout has run out.
    public var isBusy: Bool {
        primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED
    }

    /// Any SQLITE_CONSTRAINT failure.
    public var isConstraint: Bool {
        primaryCode == SQLITE_CONSTRAINT
    }

    /// A UNIQUE or PRIMARY KEY constraint failed.
    public var isUniqueConstraint: Bool {
        code == Self.constraintUnique || code == Self.constraintPrimaryKey
    }

    /// A trigger raised `RAISE(ABORT, …)` (or FAIL / ROLLBACK).
    public var isConstraintTrigger: Bool {
        code == Self.constraintTrigger
    }

    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyConstraint: Bool {
        code == Self.constraintForeignKey
    }

    /// A CHECK constraint failed.
    public var isCheckConstraint: Bool {
        code == Self.constraintCheck
    }

    /// A NOT NULL constraint failed.
    public var isNotNullConstraint: Bool {
        code == Self.constraintNotNull
    }

    /// A description without any bound value.
    public var description: String {
        var text = "SQLite error \(code) (\(String(cString: sqlite3_errstr(code)))): \(message)"
        if let sql {
            text += " [SQL: \(sql)]"
        }
        return text
    }

    // Extended constraint codes, from sqlite.org/rescode.html ("SQLITE_CONSTRAINT_UNIQUE (2067)",
    // …). Swift does not import the C macros, which are written as `(SQLITE_CONSTRAINT | (8<<8))`.
    static let constraintCheck: Int32 = 275
    static let constraintForeignKey: Int32 = 787
    static let constraintNotNull: Int32 = 1299
    static let constraintPrimaryKey: Int32 = 1555
    static let constraintTrigger: Int32 = 1811
    static let constraintUnique: Int32 = 2067
}
