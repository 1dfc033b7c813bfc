import Yams

/// Writes manifests as multi-document YAML (through Yams, never by hand) or as a JSON `v1 List`.
public enum ManifestEncoder {
    /// Documents separated by `---` lines, keys in the manifests' own order, text ending in a newline.
    public static func yaml(_ manifests: [Manifest]) -> String {
        manifests.map { document($0.body) }.joined(separator: "---\n")
    }

    /// One value as a YAML document (no `---`).
    public static func document(_ value: JSONValue) -> String {
        do {
            return try Yams.serialize(node: node(value), indent: 2, width: -1, allowUnicode: true)
        } catch {
            // The emitter only fails on invalid event sequences, which a Node tree cannot produce.
            preconditionFailure("YAML emitter failed on a well-formed node: \(error)")
        }
    }

    /// `{"apiVersion":"v1","kind":"List","items":[…]}`, pretty, with a trailing newline.
    public static func jsonList(_ manifests: [Manifest]) -> String {
        let list: JSONValue = [
            "apiVersion": "v1",
            "kind": "List",
            "items": .array(manifests.map(\.body)),
        ]
        return list.serialized(.init(pretty: true))
    }

    static func node(_ value: JSONValue) -> Node {
        switch value {
        case .null: return Node("null", Tag(.null), .plain)
        case .bool(let flag): return Node(flag ? "true" : "false", Tag(.bool), .plain)
        case .integer(let number): return Node(String(number), Tag(.int), .plain)
        case .double(let number): return Node(JSONValue.format(number), Tag(.float), .plain)
        case .string(let text):
            return Node(text, Tag(.str), YAMLScalarStyle.needsQuotes(text) ? .doubleQuoted : .any)
        case .array(let items):
            return Node(items.map(node), Tag(.seq), .block)
        case .object(let object):
            return Node(object.map { (Node($0.key, Tag(.str), YAMLScalarStyle.needsQuotes($0.key) ? .doubleQuoted : .any), node($0.value)) },
                Tag(.map), .block)
        }
    }
}
