/// Typed reads of a node's value, for rules and analyzers that inspect objects field by field.
extension SourceNode {
    /// The list items, or nil when this node is not a list.
    public var items: [SourceNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The integer, or nil when this node is not an integer.
    public var integer: Int64? {
        if case .integer(let number) = value { return number }
        return nil
    }

    /// The number (an integer is widened), or nil when this node is not a number.
    public var number: Double? {
        switch value {
        case .integer(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// The boolean, or nil when this node is not a boolean.
    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// Whether `key` is present with a non-null value — CEL's `has(self.key)` as the API
    /// server sees it after pruning nulls.
    public func has(_ key: String) -> Bool {
        guard let child = self[key] else { return false }
        return !child.isNull
    }

    /// The string at `key`, or `fallback` when the field is absent or null. Rules mirroring CEL
    /// read objects as written, while the API server applies schema defaults before CEL runs,
    /// so a read of a defaulted field passes the default.
    public func string(at key: String, default fallback: String? = nil) -> String? {
        guard has(key) else { return fallback }
        return self[key]?.string
    }

    /// CEL's `has(self.key) && size(self.key) > 0` for a list.
    public func hasItems(_ key: String) -> Bool {
        !(self[key]?.items?.isEmpty ?? true)
    }

    /// The node at `path` below this one.
    public subscript(path path: [PathToken]) -> SourceNode? {
        var node = self
        for token in path {
            switch token {
            case .key(let key):
                guard let child = node[key] else { return nil }
                node = child
            case .index(let index):
                guard let items = node.items, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }
}
