/// The identity of an object: what a reference names once its defaults are applied.
struct ObjectKey: Hashable, Sendable, CustomStringConvertible {
    var group: String
    var kind: String
    /// `""` for cluster-scoped kinds.
    var namespace: String
    var name: String

    init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = BundleIndex.clusterScopedKinds.contains(kind) ? "" : namespace
        self.name = name
    }

    init?(_ object: ManifestObject) {
        guard let name = object.name else { return nil }
        self.init(group: object.group, kind: object.kind, namespace: object.namespace, name: name)
    }

    /// `Kind "namespace/name"`, as messages name objects.
    var description: String {
        namespace.isEmpty ? "\(kind) \"\(name)\"" : "\(kind) \"\(namespace)/\(name)\""
    }
}

/// The objects of a bundle by identity, built once per analyzer run so that every reference
/// is resolved with one dictionary lookup instead of a scan of the bundle.
struct BundleIndex {
    /// Kinds without a namespace, among those references name.
    static let clusterScopedKinds: Set<String> = [
        "GatewayClass", "Namespace", "ClusterIssuer", "ClusterTriggerAuthentication", "ClusterRole",
    ]

    private var objects: [ObjectKey: ManifestObject] = [:]

    /// Indexes the objects of `kinds` (every kind when nil); the first of two duplicates wins,
    /// as the duplicate itself is reported elsewhere.
    init(_ bundle: ManifestBundle, kinds: Set<String>? = nil) {
        let selected = kinds.map { kinds in kinds.flatMap { bundle.objects(ofKind: $0) } } ?? bundle.objects
        for object in selected {
            guard let key = ObjectKey(object), objects[key] == nil else { continue }
            objects[key] = object
        }
        // Envoy AI Gateway renders an HTTPRoute of the same name for every AIGatewayRoute, and
        // policies target that HTTPRoute.
        if kinds == nil || kinds?.contains("HTTPRoute") == true {
            for route in bundle.objects(group: APIGroup.aiGateway, kind: "AIGatewayRoute") {
                guard let name = route.name else { continue }
                let generated = ObjectKey(group: APIGroup.gatewayAPI, kind: "HTTPRoute", namespace: route.namespace, name: name)
                if objects[generated] == nil { objects[generated] = route }
            }
        }
    }

    subscript(key: ObjectKey) -> ManifestObject? { objects[key] }
}

/// API groups the analyzers compare against.
enum APIGroup {
    static let gatewayAPI = "gateway.networking.k8s.io"
    static let envoyGateway = "gateway.envoyproxy.io"
    static let aiGateway = "aigateway.envoyproxy.io"
    static let keda = "keda.sh"
}

/// Small reads shared by the analyzers; every one tolerates a missing or mistyped field.
extension SourceNode {
    /// A string field that is set and not empty.
    func nonEmptyString(_ key: String) -> String? {
        guard let text = self[key]?.string, !text.isEmpty else { return nil }
        return text
    }

    /// The list at `key`, or an empty list.
    func list(_ key: String) -> [SourceNode] {
        self[key]?.items ?? []
    }
}

extension ManifestObject {
    /// `metadata.creationTimestamp` as written (RFC 3339 strings order chronologically when
    /// they share a format, which API-server output does).
    var creationTimestamp: String? {
        node["metadata"]?["creationTimestamp"]?.string
    }

    /// `metadata.annotations[key]` when it is a string.
    func annotation(_ key: String) -> String? {
        node["metadata"]?["annotations"]?[key]?.string
    }

    /// `namespace/name`, for messages.
    var qualifiedName: String {
        "\(namespace)/\(name ?? "?")"
    }
}

/// Gateway API and Envoy Gateway resolve a conflict between two objects (policies on one
/// target, routes with one match) in favour of the older one, then of the one first in
/// alphabetical `namespace/name` order.
enum ConflictOrder {
    /// Whether `lhs` takes precedence over `rhs` (a strict order for two distinct objects).
    static func precedes(_ lhs: ManifestObject, _ rhs: ManifestObject) -> Bool {
        if let left = lhs.creationTimestamp, let right = rhs.creationTimestamp, left != right { return left < right }
        return lhs.qualifiedName < rhs.qualifiedName
    }

    /// Why `winner` takes precedence over `loser`, for messages.
    static func reason(_ winner: ManifestObject, over loser: ManifestObject) -> String {
        if let left = winner.creationTimestamp, let right = loser.creationTimestamp, left != right { return "it is older" }
        return "\"\(winner.qualifiedName)\" sorts before \"\(loser.qualifiedName)\""
    }
}
