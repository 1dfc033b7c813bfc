/// Terse construction of ordered JSON objects: `nil` members are left out, so a builder can
/// list every field in output order and let absent options vanish. JSON `null` members are
/// dropped too: `JSONValue` is nil-literal-expressible, so `cond ? x : nil` may produce
/// `.null`, and a manifest never needs an explicit null.
func object(_ pairs: (String, JSONValue?)...) -> JSONValue {
    .object(JSONObject(pairs.compactMap { key, value in
        guard let value, !value.isNull else { return nil }
        return (key, value)
    }))
}

/// An optional value mapped into JSON only when present.
extension Optional {
    func json(_ transform: (Wrapped) -> JSONValue) -> JSONValue? { map(transform) }
}

extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// nil for an object without members, so empty sections disappear.
    var nonEmpty: JSONValue? {
        if case .object(let members) = self, members.isEmpty { return nil }
        return self
    }
}
