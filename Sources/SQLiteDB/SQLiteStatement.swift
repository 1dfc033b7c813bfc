import CSQLite

/// A prepared statement. It belongs to one `SQLiteConnection` and is finalized when released.
///
/// Owning the `sqlite3_stmt` in a class whose `deinit` finalizes means a statement cannot leak
/// when iteration stops early or a bind throws (the sqlite-nio struct does leak in those cases).
public final class SQLiteStatement {
    let handle: OpaquePointer
    private let connection: OpaquePointer
    /// The SQL text the statement was prepared from (placeholders only, never values).
    public let sql: String

    /// Prepares a single statement. `persistent` hints that it will be cached and reused.
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var statement: OpaquePointer?
        var hasMoreSQL = false
        // SQLITE_PREPARE_PERSISTENT: "a hint to the query planner that the prepared statement will
        // be retained for a long time and probably reused many times" (sqlite.org/c3ref/prepare.html).
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, flags, &statement, &tail)
            // The tail points into `text`, so it must be inspected inside this closure.
            if let tail, !Self.isBlank(tail) {
                hasMoreSQL = true
            }
            return code
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
        guard let statement else {
            // "If the input text contains no SQL (if the input is an empty string or a comment)
            // then *ppStmt is set to NULL."
            throw SQLiteError.misuse("no SQL statement in text", sql: sql)
        }
        guard !hasMoreSQL else {
            // Only the first statement would run; silently ignoring the rest hides bugs.
            sqlite3_finalize(statement)
            throw SQLiteError.misuse("more than one statement; use execute(_:) for scripts", sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` parameters.
    public var parameterCount: Int {
        Int(sqlite3_bind_parameter_count(handle))
    }

    /// Resets the statement and binds `values` to parameters 1…n.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        reset()
        guard values.count == parameterCount else {
            throw SQLiteError(
                code: SQLITE_RANGE,
                message: "statement has \(parameterCount) parameters, \(values.count) values given",
                sql: sql
            )
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLiteValue, at index: Int) throws(SQLiteError) {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, position, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, position, number)
        case .text(let text):
            // An explicit byte count keeps embedded NULs; SQLITE_TRANSIENT copies, because the
            // UTF-8 buffer is only lent for the duration of the closure. A NULL pointer would bind
            // SQL NULL ("If the third parameter … is a NULL pointer then … the same as
            // sqlite3_bind_null()"), so an empty string is bound from a real empty C string.
            var text = text
            if text.isEmpty {
                code = "".withCString { empty in
                    sqlite3_bind_text64(handle, position, empty, 0, csqlite_transient(), UInt8(SQLITE_UTF8))
                }
            } else {
                code = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text64(
                            handle, position, chars.baseAddress, sqlite3_uint64(chars.count),
                            csqlite_transient(), UInt8(SQLITE_UTF8)
                        )
                    }
                }
            }
        case .blob(let bytes):
            if bytes.isEmpty {
                // Same NULL-pointer rule as for text: an empty blob is a zero-length zeroblob.
                code = sqlite3_bind_zeroblob64(handle, position, 0)
            } else {
                code = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob64(
                        handle, position, buffer.baseAddress, sqlite3_uint64(buffer.count), csqlite_transient()
                    )
                }
            }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
    }

    /// Advances the statement: `true` when a row is available, `false` when done.
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            // With sqlite3_prepare_v3 the step result is already the specific (extended) code.
            let error = SQLiteError(code: code, connection: connection, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Copies the current row out of SQLite. Only valid right after `step()` returned `true`.
    public func currentRow() -> SQLiteRow {
        let count = sqlite3_column_count(handle)
        var values: [SQLiteValue] = []
        var names: [String] = []
        values.reserveCapacity(Int(count))
        names.reserveCapacity(Int(count))
        for column in 0..<count {
            values.append(columnValue(column))
            names.append(sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "")
        }
        return SQLiteRow(values: values, columnNames: names)
    }

    /// Runs the statement to completion with `values` bound, discarding any rows.
    public func execute(_ values: [SQLiteValue] = []) throws(SQLiteError) {
        try bind(values)
        defer { reset() }
        while try step() {}
    }

    /// Runs the statement with `values` bound and calls `body` for each row.
    public func forEachRow(
        _ values: [SQLiteValue] = [],
        _ body: (SQLiteRow) throws -> Void
    ) throws {
        try bind(values)
        defer { reset() }
        while try step() {
            try body(currentRow())
        }
    }

    /// Runs the statement with `values` bound and returns every row.
    public func query(_ values: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        try bind(values)
        defer { reset() }
        var rows: [SQLiteRow] = []
        while try step() {
            rows.append(currentRow())
        }
        return rows
    }

    /// Resets the statement and clears its bindings so that it can be reused, and so that a
    /// cached statement does not keep a read transaction open ("sqlite3_reset() … releases
    /// locks", sqlite.org/c3ref/reset.html) or keep copies of sensitive values alive.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// `true` while the statement has been stepped but not yet run to completion or reset.
    public var isBusy: Bool {
        sqlite3_stmt_busy(handle) != 0
    }

    private func columnValue(_ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // "call sqlite3_column_text() first … and then sqlite3_column_bytes()"
            // (sqlite.org/c3ref/column_blob.html); the byte count keeps embedded NULs, which
            // String(cString:) would cut off.
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        default:
            // "The return value from sqlite3_column_blob() for a zero-length BLOB is a NULL pointer."
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let length = Int(sqlite3_column_bytes(handle, column))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: length)))
        }
    }

    /// `true` when the remaining text is only whitespace or `;` (comments count as SQL to be safe).
    private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
        var pointer = text
        while pointer.pointee != 0 {
            switch UInt8(bitPattern: pointer.pointee) {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: ";"):
                pointer += 1
            default:
                return false
            }
        }
        return true
    }
}

/// Statements are tied to their connection's thread of use; never share them.
@available(*, unavailable)
extension SQLiteStatement: Sendable {}
