extension JSONValue {
    /// How to write JSON text.
    public struct WritingOptions: Sendable, Hashable {
        /// Indent nested values by two spaces and put each member on its own line.
        public var pretty: Bool
        /// Sort object keys by their UTF-16 code units (RFC 8785 §3.2.3) instead of keeping
        /// insertion order.
        public var sortedKeys: Bool

        public init(pretty: Bool = false, sortedKeys: Bool = false) {
            self.pretty = pretty
            self.sortedKeys = sortedKeys
        }

        /// The form whose digest identifies content: sorted keys, no insignificant whitespace.
        public static let canonical = WritingOptions(pretty: false, sortedKeys: true)
    }

    /// The canonical JSON text: equal content always gives byte-identical text.
    public var canonicalText: String { serialized(.canonical) }

    /// JSON text of this value; pretty output ends with a newline.
    public func serialized(_ options: WritingOptions = WritingOptions()) -> String {
        var output = ""
        write(to: &output, options: options, indent: 0)
        if options.pretty { output.append("\n") }
        return output
    }

    private func write(to output: inout String, options: WritingOptions, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let number): output.append(String(number))
        case .double(let number): output.append(Self.format(number))
        case .string(let text): Self.appendQuoted(text, to: &output)
        case .array(let items):
            guard !items.isEmpty else { return output.append("[]") }
            output.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(",") }
                Self.newline(&output, options: options, indent: indent + 1)
                item.write(to: &output, options: options, indent: indent + 1)
            }
            Self.newline(&output, options: options, indent: indent)
            output.append("]")
        case .object(let object):
            guard !object.isEmpty else { return output.append("{}") }
            let keys = options.sortedKeys ? object.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) } : object.keys
            output.append("{")
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(",") }
                Self.newline(&output, options: options, indent: indent + 1)
                Self.appendQuoted(key, to: &output)
                output.append(options.pretty ? ": " : ":")
                (object[key] ?? .null).write(to: &output, options: options, indent: indent + 1)
            }
            Self.newline(&output, options: options, indent: indent)
            output.append("}")
        }
    }

    private static func newline(_ output: inout String, options: WritingOptions, indent: Int) {
        guard options.pretty else { return }
        output.append("\n")
        output.append(String(repeating: "  ", count: indent))
    }

    /// Integral doubles that a 64-bit integer holds exactly are written without a fraction, so
    /// that `1.5e3` in YAML and `1500` in JSON have one canonical form.
    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 9.0e15 {
            return String(Int64(number))
        }
        return String(number)
    }

    /// Appends `text` as a JSON string literal. Only what RFC 8259 §7 requires is escaped
    /// (quotation mark, reverse solidus, control characters), with the short forms RFC 8785
    /// §3.2.2.2 prescribes, so the result is canonical.
    public static func appendQuoted(_ text: String, to output: inout String) {
        output.append("\"")
        // Most strings need no escape at all: append them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
