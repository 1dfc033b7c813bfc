/// Structural diff of two revisions of one traffic spec document.
public enum SpecDiffer {
    /// The spec as a single resource of kind `TrafficSpec` (apiVersion from its `version`,
    /// namespace from its `namespace`, both read from the new revision when present). Lists
    /// such as `routes`, `gateway.listeners` and `llm.providers` are matched by `name`
    /// (`ListKeys`); credential values are masked (`Redaction.maskedSpec`). A `.null` side
    /// reports the spec as added or removed.
    public static func diff(old: JSONValue, new: JSONValue, name: String) -> ManifestDiff {
        let source = new.isNull ? old : new
        let key = ResourceKey(
            apiVersion: source["version"]?.stringValue ?? "trafficspec/v1",
            kind: "TrafficSpec",
            namespace: source["namespace"]?.stringValue,
            name: name)
        let before = old.isNull ? [] : [(key, old)]
        let after = new.isNull ? [] : [(key, new)]
        return ManifestDiffer.diff(before, after, mask: Redaction.maskedSpec)
    }
}
