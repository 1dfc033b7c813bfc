/// Rewrites the strings of a JSON text that YAML's reader would refuse or read differently into
/// equivalent escapes, so libyaml (which reads JSON as the YAML it almost is) reads every valid
/// JSON text.
///
/// JSON and YAML disagree inside double-quoted strings in two ways:
/// - JSON writes a character outside the Basic Multilingual Plane as a UTF-16 surrogate pair,
///   `\ud83d\ude00` (Python's `json.dumps` does this for every emoji); YAML has no surrogates
///   and wants `\U0001F600`.
/// - JSON allows any character from U+0020 raw; YAML refuses the non-printable ones (U+007F,
///   the C1 controls, U+FFFE, U+FFFF) and reads U+0085, U+2028 and U+2029 as line breaks,
///   which would fold the string. They become `\uXXXX` escapes.
///
/// Only strings are touched (a backslash or those characters cannot appear elsewhere in a JSON
/// text that `JSONSerialization` accepted). Lines keep their numbers; a column after a
/// rewritten character on the same line moves by the difference in length.
enum JSONForYAMLReader {
    /// `text` unchanged when nothing needs rewriting (the common case, found in one scan).
    static func rewrite(_ text: Substring) -> Substring {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x7F || $0 >= 0xC2 }),
            needsRewrite(text)
        else { return text }
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        var inString = false
        while let scalar = scalars.popFirst() {
            if !inString {
                if scalar == "\"" { inString = true }
                output.append(scalar)
                continue
            }
            switch scalar {
            case "\"":
                inString = false
                output.append(scalar)
            case "\\":
                guard let next = scalars.popFirst() else {
                    output.append(scalar)
                    continue
                }
                if next == "u", let high = hexValue(scalars.prefix(4)), (0xD800...0xDBFF).contains(high),
                    scalars.dropFirst(4).starts(with: ["\\", "u"]), let low = hexValue(scalars.dropFirst(6).prefix(4)),
                    (0xDC00...0xDFFF).contains(low)
                {
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    output.append(contentsOf: "\\U\(hex(combined, digits: 8))".unicodeScalars)
                    scalars = scalars.dropFirst(10)
                } else {
                    output.append(scalar)
                    output.append(next)
                }
            default:
                if needsEscape(scalar) {
                    output.append(contentsOf: "\\u\(hex(Int(scalar.value), digits: 4))".unicodeScalars)
                } else {
                    output.append(scalar)
                }
            }
        }
        return Substring(String(output))
    }

    private static func needsRewrite(_ text: Substring) -> Bool {
        var previousWasBackslash = false
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if needsEscape(scalar) { return true }
            if previousWasBackslash {
                if scalar == "u" || scalar == "U" { return true }
                previousWasBackslash = false
            } else if scalar == "\\" {
                previousWasBackslash = true
            }
        }
        return false
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func hexValue(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
        hexValue(Array(digits))
    }

    private static func hexValue(_ digits: [Unicode.Scalar]) -> Int? {
        guard digits.count == 4 else { return nil }
        return Int(String(String.UnicodeScalarView(digits)), radix: 16)
    }

    private static func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
