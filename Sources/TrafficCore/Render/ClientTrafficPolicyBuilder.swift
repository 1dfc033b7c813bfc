/// The ClientTrafficPolicy (client → Envoy). It may only target Gateways, and it never carries
/// certificates: server certificates live on the Gateway listeners.
struct ClientTrafficPolicyBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    func build() -> Manifest? {
        guard let client = spec.client else { return nil }
        let timeout = object(
            ("http", object(
                ("requestReceivedTimeout", client.requestReceivedTimeout.json { .string($0) }),
                ("idleTimeout", client.idleTimeout.json { .string($0) }),
                ("streamIdleTimeout", client.streamIdleTimeout.json { .string($0) })
            ).nonEmpty)
        ).nonEmpty
        let connection = object(
            ("connectionLimit", client.connectionLimit.json { object(("value", .int($0))) }),
            ("bufferLimit", client.bufferLimit.json { .string($0) })
        ).nonEmpty
        let clientIPDetection = client.trustedProxyHops.json { hops in
            object(("xForwardedFor", object(("numTrustedHops", .int(hops)))))
        }
        let body = object(
            ("targetRefs", PolicyTarget(spec: spec, names: names).gateway),
            ("clientIPDetection", clientIPDetection),
            ("timeout", timeout),
            ("connection", connection)
        )
        return metadata.namespaced(apiVersion: "gateway.envoyproxy.io/v1alpha1", kind: "ClientTrafficPolicy",
            name: names.clientTrafficPolicy, spec: body)
    }
}
