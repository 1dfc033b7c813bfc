/// The Gateway: one listener per spec listener; HTTPS listeners terminate TLS with the named Secret.
struct GatewayBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    func build() -> Manifest {
        let body = object(
            ("gatewayClassName", .string(spec.gateway.className ?? "eg")),
            ("listeners", .array(spec.gateway.listeners.map(listener)))
        )
        return metadata.namespaced(apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", name: names.gateway, spec: body)
    }

    private func listener(_ listener: ListenerSpec) -> JSONValue {
        object(
            ("name", .string(listener.name)),
            ("protocol", .string(listener.protocol)),
            ("port", .int(listener.port)),
            ("hostname", listener.hostname.json { .string($0) }),
            ("tls", listener.tls.json { tls in
                object(
                    ("mode", "Terminate"),
                    ("certificateRefs", [object(("group", ""), ("kind", "Secret"), ("name", .string(tls.secret)))])
                )
            }),
            ("allowedRoutes", allowedRoutes(listener))
        )
    }

    private func allowedRoutes(_ listener: ListenerSpec) -> JSONValue {
        let from = listener.allowedRoutes ?? "Same"
        let selector: JSONValue? = from == "Selector"
            ? object(("matchLabels", .object(JSONObject((listener.allowedNamespaceLabels ?? [:]).sorted { $0.key < $1.key }
                .map { ($0.key, JSONValue.string($0.value)) }))))
            : nil
        return object(("namespaces", object(("from", .string(from)), ("selector", selector))))
    }
}
