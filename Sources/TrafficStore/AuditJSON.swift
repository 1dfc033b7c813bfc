import TrafficCore

/// The canonical JSON of audit events: the same form as `JSONValue.canonicalText` (keys sorted
/// by UTF-16 code units, no whitespace, RFC 8785 string escaping), plus a `raw` case that embeds
/// already-canonical stored text verbatim, so verifying a long chain never re-parses details.
enum AuditJSON: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
    /// Already-canonical JSON text, embedded verbatim.
    case raw(String)
    case object([String: AuditJSON])

    /// `.integer` for a present value, `.null` for `nil`.
    static func optionalInteger(_ value: Int?) -> AuditJSON {
        value.map { .integer(Int64($0)) } ?? .null
    }

    /// `.string` for a present value, `.null` for `nil`.
    static func optionalString(_ value: String?) -> AuditJSON {
        value.map(AuditJSON.string) ?? .null
    }

    /// The canonical text.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let value):
            JSONValue.appendQuoted(value, to: &out)
        case .integer(let value):
            out += String(value)
        case .bool(let value):
            out += value ? "true" : "false"
        case .null:
            out += "null"
        case .raw(let text):
            out += text
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                JSONValue.appendQuoted(key, to: &out)
                out += ":"
                members[key]?.write(to: &out)
            }
            out += "}"
        }
    }
}
