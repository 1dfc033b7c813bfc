/// The canonical JSON used in audit events: object keys sorted by their UTF-16 code units, no
/// whitespace, strings escaped as RFC 8785 (JCS) §3.2.2.2 prescribes (only `"`, `\` and control
/// characters; `\b \t \n \f \r` by name, others as lowercase `\u00xx`), integers in plain decimal.
/// Audit values are only strings, integers and nested objects, so this small subset suffices.
enum AuditJSON: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    /// Already-canonical JSON text, embedded verbatim.
    case raw(String)
    case object([String: AuditJSON])

    /// The canonical text.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let value):
            Self.writeString(value, to: &out)
        case .integer(let value):
            out += String(value)
        case .raw(let text):
            out += text
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key]?.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
