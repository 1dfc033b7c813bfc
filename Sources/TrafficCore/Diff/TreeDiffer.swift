/// Structural diff of two JSON values into field changes and the equivalent RFC 6902 patch.
///
/// Objects are compared by key (order never matters, as for `JSONObject` equality); lists named
/// in `ListKeys` are matched by item key (a reorder becomes `move`s), other lists by position
/// when their lengths agree and by a Myers diff of whole items otherwise. Every emitted
/// operation applies to the result of the operations before it, so the patch is exact.
struct TreeDiffer {
    private(set) var fields: [FieldChange] = []
    private(set) var operations: [JSONPatchOperation] = []

    /// Field changes and patch turning `old` into `new`.
    static func diff(_ old: JSONValue, _ new: JSONValue) -> (fields: [FieldChange], patch: [JSONPatchOperation]) {
        var differ = TreeDiffer()
        differ.compare(old, new, path: "", field: nil)
        return (differ.fields, differ.operations)
    }

    /// `field` is the object member name holding the value, which selects a list key.
    private mutating func compare(_ old: JSONValue, _ new: JSONValue, path: String, field: String?) {
        if old == new { return }
        switch (old, new) {
        case (.object(let before), .object(let after)):
            compareObjects(before, after, path: path)
        case (.array(let before), .array(let after)):
            compareArrays(before, after, path: path, field: field)
        default:
            replace(path, old, new)
        }
    }

    private mutating func compareObjects(_ old: JSONObject, _ new: JSONObject, path: String) {
        for (key, value) in old where new[key] == nil {
            remove(JSONPointer.appending(key, to: path), value)
        }
        for (key, value) in old {
            if let updated = new[key] {
                compare(value, updated, path: JSONPointer.appending(key, to: path), field: key)
            }
        }
        for (key, value) in new where old[key] == nil {
            add(JSONPointer.appending(key, to: path), value)
        }
    }

    private mutating func compareArrays(_ old: [JSONValue], _ new: [JSONValue], path: String, field: String?) {
        if let keyField = ListKeys.keyField(forList: field),
            let oldKeys = ListKeys.keys(of: old, keyField: keyField),
            let newKeys = ListKeys.keys(of: new, keyField: keyField)
        {
            compareKeyed(old, oldKeys, new, newKeys, path: path)
        } else if old.count == new.count {
            for index in old.indices {
                compare(old[index], new[index], path: JSONPointer.appending(index, to: path), field: nil)
            }
        } else {
            compareSequences(old, new, path: path)
        }
    }

    /// Keyed lists: remove vanished items (highest index first, so indices stay valid), move
    /// the items outside the longest common subsequence next to their new predecessor, add new
    /// items in ascending new index, then compare the surviving items at their new index.
    private mutating func compareKeyed(_ old: [JSONValue], _ oldKeys: [String], _ new: [JSONValue], _ newKeys: [String], path: String) {
        let newSet = Set(newKeys)
        let oldIndex = Dictionary(uniqueKeysWithValues: oldKeys.enumerated().map { ($1, $0) })
        var current = oldKeys
        for index in oldKeys.indices.reversed() where !newSet.contains(oldKeys[index]) {
            remove(JSONPointer.appending(index, to: path), old[index])
            current.remove(at: index)
        }
        let target = newKeys.filter { oldIndex[$0] != nil }
        // Items the Myers diff must remove and re-insert are exactly those that moved.
        let moved = Set(target.difference(from: current).removals.compactMap { change -> String? in
            if case .remove(_, let element, _) = change { return element }
            return nil
        })
        for (position, key) in target.enumerated() where moved.contains(key) {
            guard let source = current.firstIndex(of: key) else { continue }
            current.remove(at: source)
            let destination = position == 0 ? 0 : (current.firstIndex(of: target[position - 1]) ?? -1) + 1
            current.insert(key, at: destination)
            if source != destination {
                move(from: JSONPointer.appending(source, to: path), to: JSONPointer.appending(destination, to: path))
            }
        }
        for (index, key) in newKeys.enumerated() where oldIndex[key] == nil {
            add(JSONPointer.appending(index, to: path), new[index])
        }
        for (index, key) in newKeys.enumerated() {
            if let before = oldIndex[key] {
                compare(old[before], new[index], path: JSONPointer.appending(index, to: path), field: nil)
            }
        }
    }

    /// Unkeyed lists of different lengths: whole items removed and inserted, as a Myers diff
    /// finds them (removals from the highest offset down, then insertions upward).
    private mutating func compareSequences(_ old: [JSONValue], _ new: [JSONValue], path: String) {
        let difference = new.difference(from: old)
        var removals: [(Int, JSONValue)] = []
        var insertions: [(Int, JSONValue)] = []
        for change in difference {
            switch change {
            case .remove(let offset, let element, _): removals.append((offset, element))
            case .insert(let offset, let element, _): insertions.append((offset, element))
            }
        }
        for (offset, element) in removals.sorted(by: { $0.0 > $1.0 }) {
            remove(JSONPointer.appending(offset, to: path), element)
        }
        for (offset, element) in insertions.sorted(by: { $0.0 < $1.0 }) {
            add(JSONPointer.appending(offset, to: path), element)
        }
    }

    private mutating func add(_ path: String, _ value: JSONValue) {
        fields.append(FieldChange(path: path, kind: .added, new: value))
        operations.append(JSONPatchOperation(op: .add, path: path, value: value))
    }

    private mutating func remove(_ path: String, _ value: JSONValue) {
        fields.append(FieldChange(path: path, kind: .removed, old: value))
        operations.append(JSONPatchOperation(op: .remove, path: path))
    }

    private mutating func replace(_ path: String, _ old: JSONValue, _ new: JSONValue) {
        fields.append(FieldChange(path: path, kind: .replaced, old: old, new: new))
        operations.append(JSONPatchOperation(op: .replace, path: path, value: new))
    }

    private mutating func move(from source: String, to destination: String) {
        fields.append(FieldChange(path: destination, kind: .moved, from: source))
        operations.append(JSONPatchOperation(op: .move, path: destination, from: source))
    }
}
