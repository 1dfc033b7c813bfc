/// The CEL rules of the AIGateway CRDs, as Swift checks with the CRDs' messages.
///
/// BackendSecurityPolicy's OIDC token exchange embeds Envoy Gateway's OIDC provider and cluster
/// settings, so the rules from `oidcClientID` on repeat Envoy Gateway's CEL rules for them.
enum AIGatewayRules {
    static let rules: [SchemaRule] = routeRules + backendRules + securityPolicyRules + embeddedEnvoyGatewayRules

    private static let inferencePoolGroup = "inference.networking.k8s.io"

    private static let routeRules: [SchemaRule] = [
        SchemaRule("AIGatewayRoute.parentRefsGatewayOnly") { parentRefs in
            // kind defaults to Gateway.
            let allGateways = (parentRefs.items ?? []).allSatisfy { ($0["kind"]?.string ?? "Gateway") == "Gateway" }
            return allGateways ? [] : [RuleViolation("only Gateway is supported")]
        },
        SchemaRule("AIGatewayRoute.ruleBackendRefKinds") { rule in
            let refs = rule["backendRefs"]?.items ?? []
            guard !refs.isEmpty else { return [] }
            let poolRefs = refs.filter { $0.has("group") && $0.has("kind") }
            let plainRefs = refs.filter { !$0.has("group") && !$0.has("kind") }
            var violations: [RuleViolation] = []
            if poolRefs.count != refs.count, plainRefs.count != refs.count {
                violations.append(RuleViolation("cannot mix InferencePool and AIServiceBackend references in the same rule"))
            }
            if !poolRefs.isEmpty, refs.count != 1 {
                violations.append(RuleViolation("only one InferencePool backend is allowed per rule"))
            }
            return violations
        },
        SchemaRule("AIGatewayRoute.backendRefGroupKind") { ref in
            var violations: [RuleViolation] = []
            if ref.has("group") != ref.has("kind") {
                violations.append(RuleViolation("group and kind must be specified together"))
            }
            if ref.has("group"), ref["group"]?.string != inferencePoolGroup || ref["kind"]?.string != "InferencePool" {
                violations.append(RuleViolation("only InferencePool from inference.networking.k8s.io group is supported"))
            }
            return violations
        },
        SchemaRule("AIGatewayRoute.timeouts") { timeouts in
            guard let request = timeouts["request"]?.string.flatMap(GatewayDuration.milliseconds),
                let backendRequest = timeouts["backendRequest"]?.string.flatMap(GatewayDuration.milliseconds),
                request != 0, backendRequest > request
            else { return [] }
            return [RuleViolation("backendRequest timeout cannot be longer than request timeout")]
        },
    ]

    private static let backendRules: [SchemaRule] = [
        SchemaRule("AIServiceBackend.backendRef") { ref in
            // group defaults to "" and kind to Service, so an unset pair fails as well.
            guard ref["kind"]?.string == "Backend", ref["group"]?.string == "gateway.envoyproxy.io" else {
                return [RuleViolation(
                    "BackendRef must be a Backend resource of Envoy Gateway. See https://github.com/envoyproxy/ai-gateway/issues/902 for more details.")]
            }
            return []
        },
        SchemaRule("AIGateway.backendRefPort") { ref in
            let group = ref["group"]?.string ?? ""
            let kind = ref["kind"]?.string ?? "Service"
            guard group.isEmpty, kind == "Service", !ref.has("port") else { return [] }
            return [RuleViolation("Must have port for Service reference")]
        },
    ]

    /// Each credential type of a BackendSecurityPolicy and the one block that goes with it.
    private static let credentialBlocks: [(type: String, field: String)] = [
        ("APIKey", "apiKey"), ("AWSCredentials", "awsCredentials"), ("AzureAPIKey", "azureAPIKey"),
        ("AzureCredentials", "azureCredentials"), ("GCPCredentials", "gcpCredentials"), ("AnthropicAPIKey", "anthropicAPIKey"),
    ]

    private static let securityPolicyRules: [SchemaRule] = [
        SchemaRule("BackendSecurityPolicy.typeMatchesBlock") { spec in
            guard let type = spec["type"]?.string, let block = credentialBlocks.first(where: { $0.type == type }) else { return [] }
            let othersSet = credentialBlocks.contains { $0.field != block.field && spec.has($0.field) }
            guard !spec.has(block.field) || othersSet else { return [] }
            return [RuleViolation("When type is \(block.type), only \(block.field) field should be set")]
        },
        SchemaRule("BackendSecurityPolicy.targetRefKinds") { targetRefs in
            let supported: Set<[String]> = [["aigateway.envoyproxy.io", "AIServiceBackend"], [inferencePoolGroup, "InferencePool"]]
            let allSupported = (targetRefs.items ?? []).allSatisfy { ref in
                // A ref without group or kind is already a required-field error.
                guard let group = ref["group"]?.string, let kind = ref["kind"]?.string else { return true }
                return supported.contains([group, kind])
            }
            return allSupported ? [] : [RuleViolation("targetRefs must reference AIServiceBackend or InferencePool resources")]
        },
        SchemaRule("BackendSecurityPolicy.azureCredentialsSource") { credentials in
            guard credentials.has("clientSecretRef") == credentials.has("oidcExchangeToken") else { return [] }
            return [RuleViolation("Exactly one of clientSecretRef or oidcExchangeToken must be specified")]
        },
        SchemaRule("BackendSecurityPolicy.gcpCredentialsSource") { credentials in
            guard credentials.has("credentialsFile") == credentials.has("workloadIdentityFederationConfig") else { return [] }
            return [RuleViolation("Exactly one of GCPWorkloadIdentityFederationConfig or GCPCredentialsFile must be specified")]
        },
    ]

    private static let embeddedEnvoyGatewayRules: [SchemaRule] = [
        SchemaRule("BackendSecurityPolicy.oidcClientID") { oidc in
            guard oidc.has("clientID") == oidc.has("clientIDRef") else { return [] }
            return [RuleViolation("only one of clientID or clientIDRef must be set")]
        },
        SchemaRule("BackendSecurityPolicy.oidcProvider") { provider in
            var violations: [RuleViolation] = []
            if provider.has("backendRef") {
                violations.append(RuleViolation("BackendRefs must be used, backendRef is not supported."))
            }
            if provider[path: ["backendSettings", "retry", "perRetry"]]?.has("timeout") == true {
                violations.append(RuleViolation("Retry timeout is not supported."))
            }
            if provider[path: ["backendSettings", "retry", "retryOn"]]?.has("httpStatusCodes") == true {
                violations.append(RuleViolation("HTTPStatusCodes is not supported."))
            }
            return violations
        },
        SchemaRule("BackendSecurityPolicy.preconnect") { settings in
            guard settings[path: ["connection", "preconnect"]]?.has("predictivePercent") == true else { return [] }
            let type = settings[path: ["loadBalancer", "type"]]?.string
            guard type != "Random", type != "RoundRobin" else { return [] }
            return [RuleViolation("predictivePercent in preconnect policy only works with RoundRobin or Random load balancers")]
        },
        SchemaRule("BackendSecurityPolicy.activeHealthCheck") { active in
            guard let type = active["type"]?.string else { return [] }
            var violations: [RuleViolation] = []
            if (type == "HTTP") != active.has("http") {
                violations.append(RuleViolation("If Health Checker type is HTTP, http field needs to be set."))
            }
            if (type == "TCP") != active.has("tcp") {
                violations.append(RuleViolation("If Health Checker type is TCP, tcp field needs to be set."))
            }
            if active.has("grpc"), type != "GRPC" {
                violations.append(RuleViolation("The grpc field can only be set if the Health Checker type is GRPC."))
            }
            return violations
        },
        SchemaRule("BackendSecurityPolicy.healthCheckPayload") { payload in
            guard let type = payload["type"]?.string else { return [] }
            var violations: [RuleViolation] = []
            if (type == "Text") != payload.has("text") {
                violations.append(RuleViolation("If payload type is Text, text field needs to be set."))
            }
            if (type == "Binary") != payload.has("binary") {
                violations.append(RuleViolation("If payload type is Binary, binary field needs to be set."))
            }
            return violations
        },
        SchemaRule("BackendSecurityPolicy.loadBalancer") { loadBalancer in
            guard let type = loadBalancer["type"]?.string else { return [] }
            var violations: [RuleViolation] = []
            if (type == "ConsistentHash") != loadBalancer.has("consistentHash") {
                violations.append(RuleViolation("If LoadBalancer type is consistentHash, consistentHash field needs to be set."))
            }
            if type == "Random" || type == "ConsistentHash", loadBalancer.has("slowStart") {
                violations.append(RuleViolation("Currently SlowStart is only supported for RoundRobin and LeastRequest load balancers."))
            }
            if type == "ConsistentHash", loadBalancer.has("zoneAware") {
                violations.append(RuleViolation("Currently ZoneAware is only supported for LeastRequest, Random, and RoundRobin load balancers."))
            }
            return violations
        },
        SchemaRule("BackendSecurityPolicy.consistentHash") { consistentHash in
            guard let type = consistentHash["type"]?.string else { return [] }
            let typedFields: [(type: String, field: String)] = [
                ("Header", "header"), ("Headers", "headers"), ("Cookie", "cookie"), ("QueryParams", "queryParams"),
            ]
            return typedFields.compactMap { entry in
                guard (type == entry.type) != consistentHash.has(entry.field) else { return nil }
                return RuleViolation("If consistent hash type is \(entry.field), the \(entry.field) field must be set.")
            }
        },
    ]
}
