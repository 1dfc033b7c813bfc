/// The identity of one Kubernetes object in a diff: two documents with equal keys are two
/// revisions of the same object; a rename changes the key (kubectl deletes and creates).
public struct ResourceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String

    public init(apiVersion: String, kind: String, namespace: String?, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `kind/namespace/name`, or `kind/name` for cluster-scoped objects.
    public var description: String {
        namespace.map { "\(kind)/\($0)/\(name)" } ?? "\(kind)/\(name)"
    }

    /// Orders by kind, namespace, name, then apiVersion, so a report groups objects of one kind.
    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        (lhs.kind, lhs.namespace ?? "", lhs.name, lhs.apiVersion) < (rhs.kind, rhs.namespace ?? "", rhs.name, rhs.apiVersion)
    }

    /// `{"apiVersion","kind","namespace","name"}` (namespace omitted when cluster-scoped).
    public var json: JSONObject {
        var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind)]
        if let namespace { object["namespace"] = .string(namespace) }
        object["name"] = .string(name)
        return object
    }
}
