/// One ReferenceGrant per foreign backend namespace: without it the Gateway refuses an
/// HTTPRoute's reference to a Service in another namespace (ResolvedRefs=False, RefNotPermitted).
struct ReferenceGrantBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    func build() -> [Manifest] {
        var servicesByNamespace: [String: Set<String>] = [:]
        for route in spec.routes ?? [] {
            for backend in route.backends {
                guard let namespace = backend.namespace, namespace != spec.effectiveNamespace else { continue }
                servicesByNamespace[namespace, default: []].insert(backend.service)
            }
        }
        return servicesByNamespace.keys.sorted().map { namespace in
            let body = object(
                ("from", [object(
                    ("group", "gateway.networking.k8s.io"),
                    ("kind", "HTTPRoute"),
                    ("namespace", .string(spec.effectiveNamespace))
                )]),
                ("to", .array((servicesByNamespace[namespace] ?? []).sorted().map { service in
                    object(("group", ""), ("kind", "Service"), ("name", .string(service)))
                }))
            )
            return metadata.manifest(apiVersion: "gateway.networking.k8s.io/v1beta1", kind: "ReferenceGrant",
                name: names.referenceGrant, namespace: namespace, spec: body)
        }
    }
}
