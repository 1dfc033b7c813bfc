/// Envoy AI Gateway objects (group `aigateway.envoyproxy.io`) for the `llm` section:
/// per provider an Envoy Gateway `Backend` (the only kind an AIServiceBackend may point to),
/// an AIServiceBackend and, with an API key, a BackendSecurityPolicy; one AIGatewayRoute with
/// providers in `priority` tiers (fallback); and for a token budget, `llmRequestCosts` plus a
/// Global BackendTrafficPolicy rule whose response cost reads the token count from metadata
/// (Local limits reject response costs).
struct AIGatewayBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    static let group = "aigateway.envoyproxy.io"
    static let apiVersion = "aigateway.envoyproxy.io/v1alpha1"
    static let tokenMetadataKey = "llm_total_token"

    func backends() -> [Manifest] {
        (spec.llm?.providers ?? []).map { provider in
            let port = provider.port ?? 443
            let body = object(
                ("endpoints", [object(("fqdn", object(("hostname", .string(provider.hostname)), ("port", .int(port)))))]),
                ("tls", port == 443 || port == 8443
                    ? object(("sni", .string(provider.hostname)), ("wellKnownCACertificates", "System")) : nil)
            )
            return metadata.namespaced(apiVersion: "gateway.envoyproxy.io/v1alpha1", kind: "Backend",
                name: names.llmBackend(provider), spec: body)
        }
    }

    func serviceBackends() -> [Manifest] {
        (spec.llm?.providers ?? []).map { provider in
            let body = object(
                ("schema", object(("name", .string(provider.schema)))),
                ("backendRef", object(
                    ("group", "gateway.envoyproxy.io"),
                    ("kind", "Backend"),
                    ("name", .string(names.llmBackend(provider)))
                ))
            )
            return metadata.namespaced(apiVersion: Self.apiVersion, kind: "AIServiceBackend", name: names.llmBackend(provider), spec: body)
        }
    }

    /// The BackendSecurityPolicy type that carries a plain API key for a provider schema.
    static func apiKeyType(for schema: String) -> (type: String, field: String)? {
        switch schema {
        case "OpenAI", "Cohere": ("APIKey", "apiKey")
        case "Anthropic": ("AnthropicAPIKey", "anthropicAPIKey")
        case "AzureOpenAI": ("AzureAPIKey", "azureAPIKey")
        default: nil
        }
    }

    func securityPolicies() -> [Manifest] {
        (spec.llm?.providers ?? []).compactMap { provider in
            guard let secret = provider.apiKeySecret, let kind = Self.apiKeyType(for: provider.schema) else { return nil }
            let body = object(
                ("targetRefs", [object(("group", .string(Self.group)), ("kind", "AIServiceBackend"),
                    ("name", .string(names.llmBackend(provider))))]),
                ("type", .string(kind.type)),
                (kind.field, object(("secretRef", object(("name", .string(secret))))))
            )
            return metadata.namespaced(apiVersion: Self.apiVersion, kind: "BackendSecurityPolicy",
                name: "\(names.llmBackend(provider))-apikey", spec: body)
        }
    }

    func route() -> Manifest? {
        guard let llm = spec.llm else { return nil }
        let backendRefs: JSONValue = .array(llm.providers.map { provider in
            object(
                ("name", .string(names.llmBackend(provider))),
                ("modelNameOverride", provider.modelNameOverride.json { .string($0) }),
                ("priority", .int(provider.priority ?? 0)),
                ("weight", .int(provider.weight ?? 1))
            )
        })
        let matches: JSONValue? = llm.models.json { models in
            .array(models.map { model in
                object(("headers", [object(("name", "x-ai-eg-model"), ("type", "Exact"), ("value", .string(model)))]))
            })
        }
        let body = object(
            ("parentRefs", [object(("group", "gateway.networking.k8s.io"), ("kind", "Gateway"), ("name", .string(names.gateway)))]),
            ("rules", [object(
                ("matches", matches),
                ("backendRefs", backendRefs),
                ("timeouts", llm.timeout.json { object(("request", .string($0))) })
            )]),
            ("llmRequestCosts", llm.tokenBudget == nil ? nil
                : [object(("metadataKey", .string(Self.tokenMetadataKey)), ("type", "TotalToken"))])
        )
        return metadata.namespaced(apiVersion: Self.apiVersion, kind: "AIGatewayRoute", name: names.aiGatewayRoute, spec: body)
    }

    /// Targets the HTTPRoute that AI Gateway generates for the AIGatewayRoute (same name).
    func tokenBudgetPolicy() -> Manifest? {
        guard let budget = spec.llm?.tokenBudget else { return nil }
        let rule = object(
            ("clientSelectors", [object(("headers", [object(("name", .string(budget.header)), ("type", "Distinct"))]))]),
            ("limit", object(("requests", .int(budget.tokens)), ("unit", .string(RateLimitRulesBuilder.unit(budget.per))))),
            ("cost", object(
                ("request", object(("from", "Number"), ("number", 0))),
                ("response", object(
                    ("from", "Metadata"),
                    ("metadata", object(("namespace", "io.envoy.ai_gateway"), ("key", .string(Self.tokenMetadataKey))))
                ))
            ))
        )
        let body = object(
            ("targetRefs", [object(("group", "gateway.networking.k8s.io"), ("kind", "HTTPRoute"), ("name", .string(names.aiGatewayRoute)))]),
            ("rateLimit", object(("global", object(("rules", [rule])))))
        )
        return metadata.namespaced(apiVersion: "gateway.envoyproxy.io/v1alpha1", kind: "BackendTrafficPolicy",
            name: names.llmTokenPolicy, spec: body)
    }
}
