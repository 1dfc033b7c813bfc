/// A value bound to a statement parameter or read from a result column.
///
/// These are SQLite's five storage classes (sqlite.org/datatype3.html §2): NULL, INTEGER (a
/// signed 64-bit integer), REAL (an IEEE 754 double), TEXT (here always UTF-8) and BLOB.
public enum SQLiteValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An 8-byte IEEE floating point number.
    case real(Double)
    /// UTF-8 text; may contain embedded NUL characters, since lengths are always explicit.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])
}

extension SQLiteValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// Creates `.integer`.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// Creates `.text`.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue {
    /// `.integer` from a platform `Int`.
    public static func int(_ value: Int) -> SQLiteValue {
        .integer(Int64(value))
    }

    /// `.text` for a present string, `.null` for `nil`.
    public static func optionalText(_ value: String?) -> SQLiteValue {
        value.map(SQLiteValue.text) ?? .null
    }

    /// The name of the storage class, for messages (never the value itself).
    public var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}
