extension SourceNode {
    /// The node at a dotted path such as `routes[1].backends[0].weight`, or the deepest
    /// existing ancestor when the path ends in a missing field (so an error about a missing
    /// field points at the mapping that lacks it).
    func locate(_ path: String) -> SourceNode {
        var node = self
        for segment in Self.segments(of: path) {
            switch segment {
            case .key(let key):
                guard let child = node[key] else { return node }
                node = child
            case .index(let index):
                guard case .sequence(let items) = node.value, items.indices.contains(index) else { return node }
                node = items[index]
            }
        }
        return node
    }

    /// The tokens of a dotted path: `routes[1].weight` → `routes`, 1, `weight`.
    static func segments(of path: String) -> [PathToken] {
        var result: [PathToken] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { result.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { result.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.key(String(rest)))
            }
        }
        return result
    }
}
