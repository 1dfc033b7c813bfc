extension UnifiedDiff {
    /// A unified diff of two manifest sets as `ManifestEncoder.yaml` writes them, made
    /// semantic enough for people: both sides are masked (`Redaction.masked`), and each new
    /// object's keys are put in the order of the old object with the same identity, so key
    /// order never shows as a change (values, list order and new keys still do).
    public static func manifests(
        old: [JSONValue], new: [JSONValue], oldLabel: String, newLabel: String, context: Int = 3
    ) -> String {
        let before = Redaction.masked(old)
        let oldByKey = Dictionary(ManifestDiffer.keyed(before), uniquingKeysWith: { first, _ in first })
        let after = ManifestDiffer.keyed(Redaction.masked(new)).map { key, document in
            oldByKey[key].map { aligned(document, to: $0) } ?? document
        }
        return diff(
            old: yaml(before), new: yaml(after), oldLabel: oldLabel, newLabel: newLabel, context: context)
    }

    /// The same for rendered manifests.
    public static func manifests(
        old: [Manifest], new: [Manifest], oldLabel: String, newLabel: String, context: Int = 3
    ) -> String {
        manifests(old: old.map(\.body), new: new.map(\.body), oldLabel: oldLabel, newLabel: newLabel, context: context)
    }

    /// A unified diff of two revisions of a spec document as YAML: credential values masked
    /// (`Redaction.maskedSpec`) and the new revision's keys put in the old one's order, so key
    /// order and source formatting (comments, flow style, quoting) never show. A `.null` side
    /// is the empty text (spec created or deleted).
    public static func spec(old: JSONValue, new: JSONValue, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        let before = Redaction.maskedSpec(old)
        let after = aligned(Redaction.maskedSpec(new), to: before)
        return diff(
            old: before.isNull ? "" : YAMLText.document(before), new: after.isNull ? "" : YAMLText.document(after),
            oldLabel: oldLabel, newLabel: newLabel, context: context)
    }

    /// Documents joined exactly as `ManifestEncoder.yaml` joins them.
    static func yaml(_ documents: [JSONValue]) -> String {
        documents.map(ManifestEncoder.document).joined(separator: "---\n")
    }

    /// `value` with object keys in `reference`'s order (keys only in `value` follow in their
    /// own order); lists are aligned item by item by position.
    static func aligned(_ value: JSONValue, to reference: JSONValue) -> JSONValue {
        switch (value, reference) {
        case (.object(let object), .object(let model)):
            var result = JSONObject()
            for key in model.keys {
                if let member = object[key] { result[key] = aligned(member, to: model[key] ?? .null) }
            }
            for (key, member) in object where model[key] == nil { result[key] = member }
            return .object(result)
        case (.array(let items), .array(let model)):
            return .array(items.enumerated().map { index, item in index < model.count ? aligned(item, to: model[index]) : item })
        default:
            return value
        }
    }
}
