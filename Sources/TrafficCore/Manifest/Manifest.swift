/// One rendered Kubernetes object: its identity and the whole object, keys in output order.
public struct Manifest: Sendable, Equatable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var namespace: String?
    /// The complete object (`apiVersion`, `kind`, `metadata`, `spec`), ordered for output.
    public var body: JSONValue

    public init(apiVersion: String, kind: String, name: String, namespace: String?, body: JSONValue) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.body = body
    }

    /// The object's identity: two manifests with equal keys are versions of one object.
    public var key: ResourceKey {
        ResourceKey(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
    }

    /// `kind/namespace/name` (or `kind/name` for cluster-scoped objects), for messages.
    public var reference: String { key.description }
}
