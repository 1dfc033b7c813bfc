/// The names of generated objects: derived from the spec name, overridable in `names`.
struct GeneratedNames {
    let spec: TrafficSpec

    private var overrides: NameOverrides { spec.names ?? NameOverrides() }

    var gateway: String { overrides.gateway ?? spec.name }
    var httpRoute: String { overrides.httpRoute ?? spec.name }
    var redirectRoute: String { overrides.redirectRoute ?? "\(spec.name)-https-redirect" }
    var backendTrafficPolicy: String { overrides.backendTrafficPolicy ?? spec.name }
    var clientTrafficPolicy: String { overrides.clientTrafficPolicy ?? spec.name }
    var securityPolicy: String { overrides.securityPolicy ?? spec.name }
    var autoscaler: String { overrides.autoscaler ?? spec.name }
    var issuer: String { overrides.issuer ?? "\(spec.name)-selfsigned" }
    var aiGatewayRoute: String { overrides.aiGatewayRoute ?? "\(spec.name)-llm" }
    var llmTokenPolicy: String { "\(spec.name)-llm-tokens" }

    /// The ReferenceGrant lives in the backend's namespace; it is named after the spec and the
    /// namespace it admits, so two specs granting into one namespace do not collide.
    var referenceGrant: String { overrides.referenceGrant ?? "\(spec.name)-from-\(spec.effectiveNamespace)" }

    func llmBackend(_ provider: LLMProviderSpec) -> String { "\(spec.name)-\(provider.name)" }
}
