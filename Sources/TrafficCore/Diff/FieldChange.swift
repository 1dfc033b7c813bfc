/// One change inside a changed resource, addressed by an RFC 6901 JSON Pointer.
///
/// Field changes mirror the resource's JSON Patch one to one and in the same order, so a path
/// is valid at the point where its operation applies: removed list items carry their old
/// index, moved and added items their index after the earlier operations, and changes inside
/// a list item the item's index in the new list.
public struct FieldChange: Sendable, Equatable {
    /// What happened at `path`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added, removed, replaced, moved
    }

    /// JSON Pointer of the field (of the destination, for moves).
    public var path: String
    public var kind: Kind
    /// The value before (nil for additions and moves). Sensitive values are `"<redacted>"`.
    public var old: JSONValue?
    /// The value after (nil for removals and moves). Sensitive values are `"<redacted>"`.
    public var new: JSONValue?
    /// For moves: the JSON Pointer the item moved from.
    public var from: String?

    public init(path: String, kind: Kind, old: JSONValue? = nil, new: JSONValue? = nil, from: String? = nil) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
        self.from = from
    }

    /// `{"path","op","from"?,"old"?,"new"?}`.
    public var json: JSONValue {
        var object: JSONObject = ["path": .string(path), "op": .string(kind.rawValue)]
        if let from { object["from"] = .string(from) }
        if let old { object["old"] = old }
        if let new { object["new"] = new }
        return .object(object)
    }
}
