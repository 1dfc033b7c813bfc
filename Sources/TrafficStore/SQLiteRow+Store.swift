import Foundation
import SQLiteDB

extension SQLiteRow {
    /// A stored RFC 3339 timestamp column.
    func timestamp(_ column: Int) throws(SQLiteError) -> Date {
        let text = try string(column)
        guard let date = Timestamp.parse(text) else {
            throw SQLiteError(code: SQLiteRow.mismatchCode, message: "column \(columnNames[column]) is not an RFC 3339 timestamp")
        }
        return date
    }

    /// A nullable stored RFC 3339 timestamp column.
    func optionalTimestamp(_ column: Int) throws(SQLiteError) -> Date? {
        try optionalString(column) == nil ? nil : timestamp(column)
    }

    /// A stored `format` column.
    func documentFormat(_ column: Int) throws(SQLiteError) -> DocumentFormat {
        guard let format = DocumentFormat(rawValue: try string(column)) else {
            throw SQLiteError(code: SQLiteRow.mismatchCode, message: "column \(columnNames[column]) is not a document format")
        }
        return format
    }

    /// SQLITE_MISMATCH (20), "data type mismatch" (sqlite.org/rescode.html): a stored value is not
    /// in the form the schema promises.
    static let mismatchCode: Int32 = 20
}
