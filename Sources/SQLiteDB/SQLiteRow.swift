import CSQLite

/// One result row, copied out of SQLite so that it outlives the statement step that produced it.
///
/// Accessors are 0-based (as `sqlite3_column_*` are) and typed; asking for the wrong storage class
/// throws SQLITE_MISMATCH instead of converting silently.
public struct SQLiteRow: Sendable, Equatable {
    /// The column values, in result order.
    public let values: [SQLiteValue]
    /// The column names, in result order.
    public let columnNames: [String]

    /// Creates a row from its values and names.
    public init(values: [SQLiteValue], columnNames: [String]) {
        self.values = values
        self.columnNames = columnNames
    }

    /// The number of columns.
    public var count: Int {
        values.count
    }

    /// The raw value of a column.
    public func value(_ column: Int) throws(SQLiteError) -> SQLiteValue {
        guard values.indices.contains(column) else {
            throw SQLiteError(code: SQLITE_RANGE, message: "column index \(column) out of range 0..<\(values.count)")
        }
        return values[column]
    }

    /// An INTEGER column.
    public func int64(_ column: Int) throws(SQLiteError) -> Int64 {
        guard let value = try optionalInt64(column) else {
            throw mismatch(column, expected: "INTEGER")
        }
        return value
    }

    /// An INTEGER column as a platform `Int`.
    public func int(_ column: Int) throws(SQLiteError) -> Int {
        Int(try int64(column))
    }

    /// A REAL column (INTEGER values are widened, as SQLite itself does for REAL affinity).
    public func double(_ column: Int) throws(SQLiteError) -> Double {
        guard let value = try optionalDouble(column) else {
            throw mismatch(column, expected: "REAL")
        }
        return value
    }

    /// A TEXT column.
    public func string(_ column: Int) throws(SQLiteError) -> String {
        guard let value = try optionalString(column) else {
            throw mismatch(column, expected: "TEXT")
        }
        return value
    }

    /// A BLOB column.
    public func blob(_ column: Int) throws(SQLiteError) -> [UInt8] {
        guard let value = try optionalBlob(column) else {
            throw mismatch(column, expected: "BLOB")
        }
        return value
    }

    /// An INTEGER column that may be NULL.
    public func optionalInt64(_ column: Int) throws(SQLiteError) -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .integer(let value): return value
        default: throw mismatch(column, expected: "INTEGER")
        }
    }

    /// An INTEGER column that may be NULL, as a platform `Int`.
    public func optionalInt(_ column: Int) throws(SQLiteError) -> Int? {
        try optionalInt64(column).map { Int($0) }
    }

    /// A REAL column that may be NULL.
    public func optionalDouble(_ column: Int) throws(SQLiteError) -> Double? {
        switch try value(column) {
        case .null: return nil
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: throw mismatch(column, expected: "REAL")
        }
    }

    /// A TEXT column that may be NULL.
    public func optionalString(_ column: Int) throws(SQLiteError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let value): return value
        default: throw mismatch(column, expected: "TEXT")
        }
    }

    /// A BLOB column that may be NULL.
    public func optionalBlob(_ column: Int) throws(SQLiteError) -> [UInt8]? {
        switch try value(column) {
        case .null: return nil
        case .blob(let value): return value
        default: throw mismatch(column, expected: "BLOB")
        }
    }

    /// Names the column and the storage classes, never the value.
    private func mismatch(_ column: Int, expected: String) -> SQLiteError {
        let name = columnNames.indices.contains(column) ? columnNames[column] : "#\(column)"
        let actual = values.indices.contains(column) ? values[column].storageClass : "missing"
        return SQLiteError(code: SQLITE_MISMATCH, message: "column \(name) is \(actual), expected \(expected)")
    }
}
