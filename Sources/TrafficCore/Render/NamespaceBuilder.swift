/// The Namespace object, rendered only with `createNamespace: true` (cluster-scoped: no namespace).
struct NamespaceBuilder {
    let spec: TrafficSpec
    let metadata: MetadataBuilder

    func build() -> Manifest? {
        guard spec.createNamespace == true else { return nil }
        return metadata.manifest(apiVersion: "v1", kind: "Namespace", name: spec.effectiveNamespace, namespace: nil, spec: nil)
    }
}
