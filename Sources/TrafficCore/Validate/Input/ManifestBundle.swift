/// The objects of one or more manifest sources, indexed for the cross-object analyzers.
public struct ManifestBundle: Sendable {
    public let objects: [ManifestObject]
    private let byKind: [String: [Int]]

    public init(objects: [ManifestObject]) {
        self.objects = objects
        var byKind: [String: [Int]] = [:]
        for (index, object) in objects.enumerated() { byKind[object.kind, default: []].append(index) }
        self.byKind = byKind
    }

    /// Objects of `kind` (any group), in input order.
    public func objects(ofKind kind: String) -> [ManifestObject] {
        byKind[kind, default: []].map { objects[$0] }
    }

    /// Objects of `kind` in `group`, in input order.
    public func objects(group: String, kind: String) -> [ManifestObject] {
        objects(ofKind: kind).filter { $0.group == group }
    }

    /// The object of `group`/`kind` named `name` in `namespace`.
    public func object(group: String, kind: String, namespace: String, name: String) -> ManifestObject? {
        objects(ofKind: kind).first { $0.group == group && $0.namespace == namespace && $0.name == name }
    }
}
