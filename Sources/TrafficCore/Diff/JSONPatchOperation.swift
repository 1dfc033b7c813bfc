/// One RFC 6902 operation.
public struct JSONPatchOperation: Sendable, Equatable {
    /// The operation name; the differ emits `add`, `remove`, `replace` and `move`, and
    /// `JSONPatch.apply` also understands `copy` and `test`.
    public enum Op: String, Sendable, Hashable, CaseIterable {
        case add, remove, replace, move, copy, test
    }

    public var op: Op
    /// JSON Pointer of the target.
    public var path: String
    /// JSON Pointer of the source, for `move` and `copy`.
    public var from: String?
    /// The value, for `add`, `replace` and `test`.
    public var value: JSONValue?

    public init(op: Op, path: String, from: String? = nil, value: JSONValue? = nil) {
        self.op = op
        self.path = path
        self.from = from
        self.value = value
    }

    /// `{"op","from"?,"path","value"?}` as RFC 6902 writes it.
    public var json: JSONValue {
        var object: JSONObject = ["op": .string(op.rawValue)]
        if let from { object["from"] = .string(from) }
        object["path"] = .string(path)
        if let value { object["value"] = value }
        return .object(object)
    }
}
