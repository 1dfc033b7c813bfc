/// A parsed YAML or JSON value that remembers where each part came from, so that every
/// later error can name the line and column of the offending field.
public struct SourceNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int64)
        case double(Double)
        case string(String)
        case sequence([SourceNode])
        case mapping([Entry])
    }

    /// One key/value pair of a mapping, in source order.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation?
        public var value: SourceNode

        public init(key: String, keyLocation: SourceLocation? = nil, value: SourceNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }

    /// The value of `key` when this node is a mapping.
    public subscript(key: String) -> SourceNode? {
        guard case .mapping(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The mapping entries, or nil when this node is not a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// The string, or nil when this node is not a string.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// A word for the node's type, for messages like "expected a mapping, got a sequence".
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .double: "number"
        case .string: "string"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }

    /// The same value without source positions.
    public var jsonValue: JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .sequence(let items): .array(items.map(\.jsonValue))
        case .mapping(let entries):
            .object(JSONObject(entries.map { ($0.key, $0.value.jsonValue) }))
        }
    }
}
