/// The SecurityPolicy: JWT (remote JWKS, claim-to-header), CORS and the IP allow/deny list
/// (an `authorization` with `clientCIDRs` principals; there is no `ipAddress` field).
struct SecurityPolicyBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    func build() -> Manifest? {
        guard spec.jwt != nil || spec.cors != nil || spec.ipAccess != nil else { return nil }
        let body = object(
            ("targetRefs", PolicyTarget(spec: spec, names: names).routeOrGateway),
            ("jwt", spec.jwt.json(jwt)),
            ("cors", spec.cors.json(cors)),
            ("authorization", spec.ipAccess.json(authorization))
        )
        return metadata.namespaced(apiVersion: "gateway.envoyproxy.io/v1alpha1", kind: "SecurityPolicy",
            name: names.securityPolicy, spec: body)
    }

    private func jwt(_ jwt: JWTSpec) -> JSONValue {
        object(
            ("optional", jwt.optional.json { .bool($0) }),
            ("providers", .array(jwt.providers.map { provider in
                let claims = ClaimHeaders.claimToHeaders(for: provider, in: spec)
                return object(
                    ("name", .string(provider.name)),
                    ("issuer", provider.issuer.json { .string($0) }),
                    ("audiences", provider.audiences.json { .strings($0) }),
                    ("remoteJWKS", object(("uri", .string(provider.jwksURI)))),
                    ("claimToHeaders", claims.isEmpty ? nil : .array(claims.map {
                        object(("claim", .string($0.claim)), ("header", .string($0.header)))
                    }))
                )
            }))
        )
    }

    private func cors(_ cors: CORSSpec) -> JSONValue {
        object(
            ("allowOrigins", .strings(cors.allowOrigins)),
            ("allowMethods", cors.allowMethods.json { .strings($0) }),
            ("allowHeaders", cors.allowHeaders.json { .strings($0) }),
            ("exposeHeaders", cors.exposeHeaders.json { .strings($0) }),
            ("maxAge", cors.maxAge.json { .string($0) }),
            ("allowCredentials", cors.allowCredentials.json { .bool($0) })
        )
    }

    /// Deny rules come first (the first matching rule wins); with an allow list the default
    /// is Deny, otherwise Allow.
    private func authorization(_ access: IPAccessSpec) -> JSONValue {
        var rules: [JSONValue] = []
        if let deny = access.deny {
            rules.append(object(("name", "deny-listed"), ("action", "Deny"), ("principal", object(("clientCIDRs", .strings(deny))))))
        }
        if let allow = access.allow {
            rules.append(object(("name", "allow-listed"), ("action", "Allow"), ("principal", object(("clientCIDRs", .strings(allow))))))
        }
        return object(("defaultAction", access.allow == nil ? "Allow" : "Deny"), ("rules", .array(rules)))
    }
}
