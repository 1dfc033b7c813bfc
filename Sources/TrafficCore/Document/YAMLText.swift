import Yams

/// Writes `JSONValue`s as YAML through libyaml (Yams), in the style `kubectl` users read:
/// block collections, two-space indentation, keys in the value's own order.
///
/// libyaml quotes whatever YAML syntax requires. What it cannot know is *typing*: a plain
/// `50`, `on` or `2026-01-01` would be read back as a number, a boolean or a timestamp. So
/// every string that a YAML 1.1 reader (Kubernetes uses one) or a YAML 1.2 reader might type
/// as anything but a string is quoted here; the check errs on the side of quoting.
public enum YAMLText {
    /// One document, ending in a newline, without a `---` marker.
    public static func document(_ value: JSONValue) -> String {
        do {
            return try Yams.serialize(
                node: node(value, tags: Tags()), indent: 2, width: -1, allowUnicode: true, sequenceStyle: .block,
                mappingStyle: .block)
        } catch {
            // libyaml fails only on event sequences that a well-formed Node tree cannot produce;
            // JSON is valid YAML, so the JSON text is a correct (if plainer) answer.
            return value.serialized(.init(pretty: true))
        }
    }

    /// One `Tag` per type for a whole document. Creating a `Tag` with Yams' default arguments
    /// builds a fresh `Constructor.default` (a large table) each time, which dominated emission.
    private struct Tags {
        let null, bool, int, float, str, seq, map: Tag

        init() {
            let constructor = Constructor.default
            func tag(_ name: Tag.Name) -> Tag { Tag(name, .basic, constructor) }
            (null, bool, int, float, str, seq, map) = (
                tag(.null), tag(.bool), tag(.int), tag(.float), tag(.str), tag(.seq), tag(.map)
            )
        }
    }

    private static func node(_ value: JSONValue, tags: Tags) -> Node {
        switch value {
        case .null: return Node("null", tags.null)
        case .bool(let flag): return Node(flag ? "true" : "false", tags.bool)
        case .integer(let number): return Node(String(number), tags.int)
        case .double(let number): return Node(JSONValue.format(number), tags.float)
        case .string(let text): return .scalar(Node.Scalar(text, tags.str, style(for: text)))
        case .array(let items): return .sequence(Node.Sequence(items.map { node($0, tags: tags) }, tags.seq, .block))
        case .object(let object):
            let pairs = object.map { (Node($0.key, tags.str, style(for: $0.key)), node($0.value, tags: tags)) }
            return .mapping(Node.Mapping(pairs, tags.map, .block))
        }
    }

    private static func style(for text: String) -> Node.Scalar.Style {
        // Edge spaces are legal in plain scalars only in some positions; quoting keeps them visible.
        if needsTypeQuoting(text) || text.hasPrefix(" ") || text.hasSuffix(" ") { return .doubleQuoted }
        if text.contains("\n") { return .literal }
        return .any
    }

    /// True when a plain scalar `text` could be typed as null, bool, number or timestamp by a
    /// YAML 1.1 or 1.2 reader.
    static func needsTypeQuoting(_ text: String) -> Bool {
        if text.isEmpty { return true }
        if typedWords.contains(text) || typedWords.contains(text.lowercased()) { return true }
        guard let first = text.utf8.first else { return true }
        let startsLikeNumber =
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard startsLikeNumber else { return false }
        // Numbers, hex/octal/binary, sexagesimal and dates use only these characters.
        return text.utf8.allSatisfy { numberishBytes.contains($0) }
    }

    private static let typedWords: Set<String> = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", "<<", "=",
    ]

    private static let numberishBytes: Set<UInt8> = Set(Array("0123456789abcdefABCDEFxXoO._:+-eEtTzZ infINFnaNA".utf8))
}
