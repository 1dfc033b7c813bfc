/// Structural diff of two sets of Kubernetes objects (two rendered revisions).
public enum ManifestDiffer {
    /// Matches objects by apiVersion/kind/namespace/name and diffs each pair (see `TreeDiffer`
    /// for the rules). An object without `metadata.name` is keyed `#<index>` by its position,
    /// and a repeated key gets `#2`, `#3`… appended, so no document is silently dropped.
    /// Secret values are masked (`Redaction`) before diffing and never appear in the output.
    public static func diff(old: [JSONValue], new: [JSONValue]) -> ManifestDiff {
        diff(keyed(old), keyed(new), mask: Redaction.maskedManifest)
    }

    /// The same for rendered manifests, keyed by their own identity fields.
    public static func diff(old: [Manifest], new: [Manifest]) -> ManifestDiff {
        diff(old: old.map(\.body), new: new.map(\.body))
    }

    /// Pairs up keyed documents and diffs each pair after `mask`; shared with `SpecDiffer`.
    static func diff(
        _ old: [(ResourceKey, JSONValue)], _ new: [(ResourceKey, JSONValue)], mask: (JSONValue) -> JSONValue
    ) -> ManifestDiff {
        let oldByKey = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(new, uniquingKeysWith: { first, _ in first })
        var changes: [ResourceChange] = []
        for (key, before) in oldByKey {
            guard let after = newByKey[key] else {
                changes.append(ResourceChange(key: key, type: .removed, fields: [], patch: []))
                continue
            }
            if before == after { continue }
            let (fields, patch) = TreeDiffer.diff(mask(before), mask(after))
            if fields.isEmpty { continue }
            changes.append(ResourceChange(key: key, type: .changed, fields: fields.map(opaque), patch: patch.map(opaque)))
        }
        for (key, after) in newByKey where oldByKey[key] == nil {
            let value = Redaction.opaque(mask(after))
            changes.append(ResourceChange(key: key, type: .added, fields: [],
                patch: [JSONPatchOperation(op: .add, path: "", value: value)]))
        }
        return ManifestDiff(changes: changes)
    }

    /// Each document with its key (see `diff(old:new:)` for unnamed and repeated objects).
    static func keyed(_ documents: [JSONValue]) -> [(ResourceKey, JSONValue)] {
        var seen: [ResourceKey: Int] = [:]
        return documents.enumerated().map { index, document in
            let metadata = document["metadata"]
            var key = ResourceKey(
                apiVersion: document["apiVersion"]?.stringValue ?? "",
                kind: document["kind"]?.stringValue ?? "",
                namespace: metadata?["namespace"]?.stringValue,
                name: metadata?["name"]?.stringValue ?? "#\(index)")
            let occurrence = seen[key, default: 0] + 1
            seen[key] = occurrence
            if occurrence > 1 { key.name += "#\(occurrence)" }
            return (key, document)
        }
    }

    private static func opaque(_ field: FieldChange) -> FieldChange {
        var copy = field
        copy.old = field.old.map(Redaction.opaque)
        copy.new = field.new.map(Redaction.opaque)
        return copy
    }

    private static func opaque(_ operation: JSONPatchOperation) -> JSONPatchOperation {
        var copy = operation
        copy.value = operation.value.map(Redaction.opaque)
        return copy
    }
}
