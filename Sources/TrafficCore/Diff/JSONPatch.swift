/// Applies RFC 6902 JSON Patches to `JSONValue`s.
public enum JSONPatch {
    /// `value` with every operation applied in order. Any failing operation fails the whole
    /// patch (the input is a value, so nothing is half-applied).
    ///
    /// Semantics follow RFC 6902: `add` on an existing member replaces it and on an array
    /// inserts before the index (`-` appends); `remove`/`replace` need an existing target;
    /// `move` is remove-then-add and cannot move a value into its own child; array indices
    /// have no leading zeros.
    public static func apply(_ operations: [JSONPatchOperation], to value: JSONValue) throws(JSONPatchError) -> JSONValue {
        var document = value
        for operation in operations {
            document = try apply(operation, to: document)
        }
        return document
    }

    private static func apply(_ operation: JSONPatchOperation, to document: JSONValue) throws(JSONPatchError) -> JSONValue {
        let path = try tokens(operation.path)
        switch operation.op {
        case .add:
            return try add(try argument(operation.value, operation, "value"), at: path[...], in: document, pointer: operation.path)
        case .remove:
            guard !path.isEmpty else { throw .cannotRemoveRoot }
            return try remove(at: path[...], in: document, pointer: operation.path).document
        case .replace:
            _ = try get(path[...], in: document, pointer: operation.path)
            return try add(try argument(operation.value, operation, "value"), at: path[...], in: document,
                pointer: operation.path, replacing: true)
        case .move:
            let fromText = try argument(operation.from, operation, "from")
            let from = try tokens(fromText)
            if from == path { return document }
            if path.count > from.count, Array(path.prefix(from.count)) == from {
                throw .moveIntoChild(from: fromText, path: operation.path)
            }
            guard !from.isEmpty else { throw .cannotRemoveRoot }
            let (rest, moved) = try remove(at: from[...], in: document, pointer: fromText)
            return try add(moved, at: path[...], in: rest, pointer: operation.path)
        case .copy:
            let fromText = try argument(operation.from, operation, "from")
            let copied = try get(try tokens(fromText)[...], in: document, pointer: fromText)
            return try add(copied, at: path[...], in: document, pointer: operation.path)
        case .test:
            let expected = try argument(operation.value, operation, "value")
            guard try get(path[...], in: document, pointer: operation.path) == expected else {
                throw .testFailed(operation.path)
            }
            return document
        }
    }

    private static func argument<T>(_ value: T?, _ operation: JSONPatchOperation, _ name: String) throws(JSONPatchError) -> T {
        guard let value else { throw .missingArgument(op: operation.op.rawValue, argument: name) }
        return value
    }

    private static func tokens(_ pointer: String) throws(JSONPatchError) -> [String] {
        guard let tokens = JSONPointer.tokens(pointer) else { throw .invalidPointer(pointer) }
        return tokens
    }

    /// An array index as RFC 6901 allows it: decimal digits, no leading zero (except `0`).
    private static func index(_ token: String, pointer: String) throws(JSONPatchError) -> Int {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), token == "0" || !token.hasPrefix("0"),
            let number = Int(token)
        else { throw .invalidIndex(pointer) }
        return number
    }

    private static func get(_ path: ArraySlice<String>, in value: JSONValue, pointer: String) throws(JSONPatchError) -> JSONValue {
        guard let token = path.first else { return value }
        switch value {
        case .object(let object):
            guard let child = object[token] else { throw .pathNotFound(pointer) }
            return try get(path.dropFirst(), in: child, pointer: pointer)
        case .array(let items):
            let position = try index(token, pointer: pointer)
            guard position < items.count else { throw .pathNotFound(pointer) }
            return try get(path.dropFirst(), in: items[position], pointer: pointer)
        default:
            throw .pathNotFound(pointer)
        }
    }

    /// `value` placed at `path`. With `replacing`, an array index names an existing item to
    /// overwrite rather than a position to insert at.
    private static func add(
        _ newValue: JSONValue, at path: ArraySlice<String>, in value: JSONValue, pointer: String, replacing: Bool = false
    ) throws(JSONPatchError) -> JSONValue {
        guard let token = path.first else { return newValue }
        let isLast = path.count == 1
        switch value {
        case .object(var object):
            if isLast {
                object[token] = newValue
            } else {
                guard let child = object[token] else { throw .pathNotFound(pointer) }
                object[token] = try add(newValue, at: path.dropFirst(), in: child, pointer: pointer, replacing: replacing)
            }
            return .object(object)
        case .array(var items):
            if isLast && !replacing {
                if token == "-" {
                    items.append(newValue)
                } else {
                    let position = try index(token, pointer: pointer)
                    guard position <= items.count else { throw .invalidIndex(pointer) }
                    items.insert(newValue, at: position)
                }
                return .array(items)
            }
            let position = try index(token, pointer: pointer)
            guard position < items.count else { throw .pathNotFound(pointer) }
            items[position] = isLast ? newValue
                : try add(newValue, at: path.dropFirst(), in: items[position], pointer: pointer, replacing: replacing)
            return .array(items)
        default:
            throw .pathNotFound(pointer)
        }
    }

    private static func remove(at path: ArraySlice<String>, in value: JSONValue, pointer: String)
        throws(JSONPatchError) -> (document: JSONValue, removed: JSONValue)
    {
        guard let token = path.first else { throw .cannotRemoveRoot }
        let isLast = path.count == 1
        switch value {
        case .object(var object):
            guard let child = object[token] else { throw .pathNotFound(pointer) }
            if isLast {
                object[token] = nil
                return (.object(object), child)
            }
            let (updated, removed) = try remove(at: path.dropFirst(), in: child, pointer: pointer)
            object[token] = updated
            return (.object(object), removed)
        case .array(var items):
            let position = try index(token, pointer: pointer)
            guard position < items.count else { throw .pathNotFound(pointer) }
            if isLast {
                let removed = items.remove(at: position)
                return (.array(items), removed)
            }
            let (updated, removed) = try remove(at: path.dropFirst(), in: items[position], pointer: pointer)
            items[position] = updated
            return (.array(items), removed)
        default:
            throw .pathNotFound(pointer)
        }
    }
}
