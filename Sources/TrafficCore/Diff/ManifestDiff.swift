/// Every resource that differs between two revisions, with JSON and JSON Patch renderings.
public struct ManifestDiff: Sendable, Equatable {
    /// Sorted by key; unchanged resources are omitted.
    public var changes: [ResourceChange]

    public init(changes: [ResourceChange]) {
        self.changes = changes.sorted { $0.key < $1.key }
    }

    /// True when the two revisions hold the same content.
    public var isEmpty: Bool { changes.isEmpty }

    /// Number of added, removed or changed resources.
    public var changedResourceCount: Int { changes.count }

    /// `{"summary":{"added","removed","changed","byKind":{kind:{"added","removed","changed"}}},
    /// "resources":[{"apiVersion","kind","namespace"?,"name","change","fields":[…]}]}`.
    public func json() -> JSONValue {
        var totals: [ResourceChangeType: Int] = [:]
        var byKind: [String: [ResourceChangeType: Int]] = [:]
        for change in changes {
            totals[change.type, default: 0] += 1
            byKind[change.key.kind, default: [:]][change.type, default: 0] += 1
        }
        func counts(_ counts: [ResourceChangeType: Int]) -> JSONValue {
            .object(JSONObject(ResourceChangeType.allCases.map { ($0.rawValue, .integer(Int64(counts[$0] ?? 0))) }))
        }
        var summary = counts(totals).objectValue ?? JSONObject()
        summary["byKind"] = .object(JSONObject(byKind.keys.sorted().map { ($0, counts(byKind[$0] ?? [:])) }))
        let resources = changes.map { change -> JSONValue in
            var object = change.key.json
            object["change"] = .string(change.type.rawValue)
            object["fields"] = .array(change.fields.map(\.json))
            return .object(object)
        }
        return ["summary": .object(summary), "resources": .array(resources)]
    }

    /// `[{"resource":{apiVersion,kind,namespace?,name},"change":…,"patch":[RFC 6902 operations]}]`.
    public func jsonPatch() -> JSONValue {
        .array(changes.map { change in
            [
                "resource": .object(change.key.json),
                "change": .string(change.type.rawValue),
                "patch": .array(change.patch.map(\.json)),
            ]
        })
    }
}
