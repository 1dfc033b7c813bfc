/// `targetRefs` of the Envoy Gateway policies: the spec's HTTPRoute when there are routes,
/// otherwise the Gateway. (ClientTrafficPolicy may only target Gateways; it uses `gateway`.)
struct PolicyTarget {
    let spec: TrafficSpec
    let names: GeneratedNames

    var routeOrGateway: JSONValue {
        if let routes = spec.routes, !routes.isEmpty { return [ref(kind: "HTTPRoute", name: names.httpRoute)] }
        return gateway
    }

    var gateway: JSONValue { [ref(kind: "Gateway", name: names.gateway)] }

    private func ref(kind: String, name: String) -> JSONValue {
        object(("group", "gateway.networking.k8s.io"), ("kind", .string(kind)), ("name", .string(name)))
    }
}
