/// How one resource differs between two revisions.
public struct ResourceChange: Sendable, Equatable {
    public var key: ResourceKey
    public var type: ResourceChangeType
    /// For `changed`: every field change, in patch order. Empty for `added` and `removed`.
    public var fields: [FieldChange]
    /// RFC 6902 operations turning the old object into the new one. For `added`, one `add` at
    /// the root (the whole object); for `removed`, empty (no RFC 6902 operation deletes the
    /// document itself; the change type says it).
    public var patch: [JSONPatchOperation]

    public init(key: ResourceKey, type: ResourceChangeType, fields: [FieldChange], patch: [JSONPatchOperation]) {
        self.key = key
        self.type = type
        self.fields = fields
        self.patch = patch
    }
}
