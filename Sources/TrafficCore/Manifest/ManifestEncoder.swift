/// Writes manifests as multi-document YAML (through Yams, never by hand) or as a JSON `v1 List`.
public enum ManifestEncoder {
    /// Documents separated by `---` lines, keys in the manifests' own order, text ending in a newline.
    public static func yaml(_ manifests: [Manifest]) -> String {
        manifests.map { document($0.body) }.joined(separator: "---\n")
    }

    /// One value as a YAML document (no `---`), written by the core's one YAML writer.
    public static func document(_ value: JSONValue) -> String {
        YAMLText.document(value)
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
}
