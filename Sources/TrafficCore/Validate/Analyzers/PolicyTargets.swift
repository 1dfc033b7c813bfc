/// One `targetRefs` item (or the single `targetRef`) of a policy.
struct PolicyTargetReference {
    var group: String
    var kind: String
    var name: String
    var sectionName: String?
    /// As written: local policy references have no namespace field, so any value is a mistake
    /// unless it names the policy's own namespace.
    var namespace: String?
    /// The item inside the policy.
    var path: [PathToken]

    /// The object it names: always in the policy's namespace.
    func target(of policy: ManifestObject) -> ObjectKey {
        ObjectKey(group: group, kind: kind, namespace: policy.namespace, name: name)
    }
}

/// The policy kinds that attach to other objects through `targetRefs`/`targetRef`.
enum PolicyKinds {
    /// By `group/kind`: whether two policies of the kind on one target conflict (the oldest
    /// wins). Envoy patch policies are applied in order of priority instead.
    private static let kinds: [String: Bool] = [
        "\(APIGroup.envoyGateway)/BackendTrafficPolicy": true,
        "\(APIGroup.envoyGateway)/ClientTrafficPolicy": true,
        "\(APIGroup.envoyGateway)/SecurityPolicy": true,
        "\(APIGroup.envoyGateway)/EnvoyExtensionPolicy": true,
        "\(APIGroup.envoyGateway)/EnvoyPatchPolicy": false,
        "\(APIGroup.gatewayAPI)/BackendTLSPolicy": true,
        "gateway.networking.x-k8s.io/XBackendTrafficPolicy": false,
        "\(APIGroup.aiGateway)/BackendSecurityPolicy": false,
    ]

    static func isPolicy(_ object: ManifestObject) -> Bool {
        kinds["\(object.group)/\(object.kind)"] != nil
    }

    static func conflictsOnSameTarget(_ object: ManifestObject) -> Bool {
        kinds["\(object.group)/\(object.kind)"] == true
    }

    /// The policy's target references, `targetRefs` items first.
    static func targets(of policy: ManifestObject) -> [PolicyTargetReference] {
        guard let spec = policy.node["spec"] else { return [] }
        var references: [PolicyTargetReference] = []
        func add(_ node: SourceNode, _ path: [PathToken]) {
            guard let kind = node["kind"]?.string, let name = node["name"]?.string else { return }
            references.append(PolicyTargetReference(
                group: node["group"]?.string ?? "", kind: kind, name: name, sectionName: node.nonEmptyString("sectionName"),
                namespace: node.nonEmptyString("namespace"), path: path))
        }
        for (index, item) in spec.list("targetRefs").enumerated() { add(item, ["spec", "targetRefs", .index(index)]) }
        if let single = spec["targetRef"], single.entries != nil { add(single, ["spec", "targetRef"]) }
        return references
    }

    /// Whether the policy also selects targets by label, which the bundle cannot resolve.
    static func usesSelectors(_ policy: ManifestObject) -> Bool {
        !(policy.node["spec"]?.list("targetSelectors").isEmpty ?? true)
    }
}
