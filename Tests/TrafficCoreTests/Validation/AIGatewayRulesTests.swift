import Testing
import TrafficCore

/// Every AI Gateway CEL rule, with a manifest that breaks it and one that keeps it.
@Suite struct AIGatewayRulesTests {
    typealias Case = RuleCase

    static func route(parentRefs: String = "[{name: eg}]", rule: String) -> String {
        """
        apiVersion: aigateway.envoyproxy.io/v1alpha1
        kind: AIGatewayRoute
        metadata: {name: chat, namespace: ai}
        spec:
          parentRefs: \(parentRefs)
          rules:
          - matches: [{headers: [{name: x-ai-eg-model, value: gpt-4o}]}]
        \(rule)
        """
    }

    static func backend(_ backendRef: String) -> String {
        """
        apiVersion: aigateway.envoyproxy.io/v1alpha1
        kind: AIServiceBackend
        metadata: {name: openai, namespace: ai}
        spec:
          schema: {name: OpenAI}
          backendRef: \(backendRef)
        """
    }

    static func policy(_ spec: String) -> String {
        """
        apiVersion: aigateway.envoyproxy.io/v1alpha1
        kind: BackendSecurityPolicy
        metadata: {name: auth, namespace: ai}
        spec:
        \(spec)
        """
    }

    /// An AWS credentials policy whose OIDC exchange has `oidc` (indented under `oidc:`).
    static func oidcPolicy(_ oidc: String) -> String {
        policy(
            """
              type: AWSCredentials
              awsCredentials:
                region: us-east-1
                oidcExchangeToken:
                  awsRoleArn: "arn:aws:iam::123456789012:role/bedrock"
                  oidc:
            \(oidc)
            """)
    }

    /// The `oidc` block: client settings, then the provider with `extra` below `issuer` (written
    /// with its own indentation relative to the provider's fields).
    static func provider(_ extra: String = "", client: [String] = ["clientID: gateway"]) -> String {
        var lines = client.map { "        " + $0 }
        lines += ["        clientSecret: {name: oidc-client}", "        provider:", "          issuer: https://idp.example.com"]
        lines += extra.split(separator: "\n").map { "          " + $0 }
        return lines.joined(separator: "\n")
    }

    static let oidcPath = "/spec/awsCredentials/oidcExchangeToken/oidc"
    static let settingsPath = oidcPath + "/provider/backendSettings"

    static let routeCases: [Case] = [
        Case(
            testDescription: "AIGatewayRoute.parentRefsGatewayOnly: a Service parent",
            yaml: route(parentRefs: "[{name: mesh, kind: Service, group: \"\"}]", rule: "    backendRefs: [{name: openai}]"),
            expected: ("TS2001", "only Gateway is supported", "/spec/parentRefs")),
        Case(
            testDescription: "AIGatewayRoute.parentRefsGatewayOnly: defaulted kind",
            yaml: route(rule: "    backendRefs: [{name: openai}, {name: anthropic, priority: 1}]"), expected: nil),
        Case(
            testDescription: "AIGatewayRoute.ruleBackendRefKinds: mixed references",
            yaml: route(rule: "    backendRefs: [{name: openai}, {name: pool, group: inference.networking.k8s.io, kind: InferencePool}]"),
            expected: ("TS2001", "cannot mix InferencePool and AIServiceBackend references in the same rule", "/spec/rules/0")),
        Case(
            testDescription: "AIGatewayRoute.ruleBackendRefKinds: two pools",
            yaml: route(rule: """
                    backendRefs:
                    - {name: a, group: inference.networking.k8s.io, kind: InferencePool}
                    - {name: b, group: inference.networking.k8s.io, kind: InferencePool}
                """),
            expected: ("TS2001", "only one InferencePool backend is allowed per rule", "/spec/rules/0")),
        Case(
            testDescription: "AIGatewayRoute.ruleBackendRefKinds: one pool",
            yaml: route(rule: "    backendRefs: [{name: pool, group: inference.networking.k8s.io, kind: InferencePool}]"),
            expected: nil),
        Case(
            testDescription: "AIGatewayRoute.backendRefGroupKind: group without kind",
            yaml: route(rule: "    backendRefs: [{name: pool, group: inference.networking.k8s.io}]"),
            expected: ("TS2001", "group and kind must be specified together", "/spec/rules/0/backendRefs/0")),
        Case(
            testDescription: "AIGatewayRoute.backendRefGroupKind: another group",
            yaml: route(rule: "    backendRefs: [{name: pool, group: example.com, kind: InferencePool}]"),
            expected: ("TS2001", "only InferencePool from inference.networking.k8s.io group is supported", "/spec/rules/0/backendRefs/0")),
        Case(
            testDescription: "AIGatewayRoute.timeouts: backend timeout above the request timeout",
            yaml: route(rule: "    backendRefs: [{name: openai}]\n    timeouts: {request: 30s, backendRequest: 1m}"),
            expected: ("TS2001", "backendRequest timeout cannot be longer than request timeout", "/spec/rules/0/timeouts")),
        Case(
            testDescription: "AIGatewayRoute.timeouts: a request timeout of 0s disables the check",
            yaml: route(rule: "    backendRefs: [{name: openai}]\n    timeouts: {request: 0s, backendRequest: 1h30m}"),
            expected: nil),
    ]

    static let backendCases: [Case] = [
        Case(
            testDescription: "AIServiceBackend.backendRef: a Service",
            yaml: backend("{name: openai, kind: Service, port: 443}"),
            expected: ("TS2001", "BackendRef must be a Backend resource of Envoy Gateway.", "/spec/backendRef")),
        Case(
            testDescription: "AIGateway.backendRefPort: defaulted Service kind without port",
            yaml: backend("{name: openai}"),
            expected: ("TS2001", "Must have port for Service reference", "/spec/backendRef")),
        Case(
            testDescription: "AIServiceBackend.backendRef: an Envoy Gateway Backend",
            yaml: backend("{name: openai, kind: Backend, group: gateway.envoyproxy.io}"), expected: nil),
    ]

    static let policyCases: [Case] = [
        Case(
            testDescription: "BackendSecurityPolicy.typeMatchesBlock: a second credential block",
            yaml: policy("  type: APIKey\n  apiKey: {secretRef: {name: key}}\n  azureAPIKey: {secretRef: {name: key}}"),
            expected: ("TS2001", "When type is APIKey, only apiKey field should be set", "/spec")),
        Case(
            testDescription: "BackendSecurityPolicy.typeMatchesBlock: the block is missing",
            yaml: policy("  type: AnthropicAPIKey\n  apiKey: {secretRef: {name: key}}"),
            expected: ("TS2001", "When type is AnthropicAPIKey, only anthropicAPIKey field should be set", "/spec")),
        Case(
            testDescription: "BackendSecurityPolicy.targetRefKinds: an HTTPRoute target",
            yaml: policy(
                """
                  type: APIKey
                  apiKey: {secretRef: {name: key}}
                  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: chat}]
                """),
            expected: ("TS2001", "targetRefs must reference AIServiceBackend or InferencePool resources", "/spec/targetRefs")),
        Case(
            testDescription: "BackendSecurityPolicy.targetRefKinds: an AIServiceBackend target",
            yaml: policy(
                """
                  type: APIKey
                  apiKey: {secretRef: {name: key}}
                  targetRefs: [{group: aigateway.envoyproxy.io, kind: AIServiceBackend, name: openai}]
                """),
            expected: nil),
        Case(
            testDescription: "BackendSecurityPolicy.azureCredentialsSource: neither secret nor token exchange",
            yaml: policy("  type: AzureCredentials\n  azureCredentials: {clientID: app, tenantID: tenant}"),
            expected: ("TS2001", "Exactly one of clientSecretRef or oidcExchangeToken must be specified", "/spec/azureCredentials")),
        Case(
            testDescription: "BackendSecurityPolicy.azureCredentialsSource: a client secret",
            yaml: policy("  type: AzureCredentials\n  azureCredentials: {clientID: app, tenantID: tenant, clientSecretRef: {name: azure}}"),
            expected: nil),
        Case(
            testDescription: "BackendSecurityPolicy.gcpCredentialsSource: no credentials",
            yaml: policy("  type: GCPCredentials\n  gcpCredentials: {projectName: p, region: us-central1}"),
            expected: ("TS2001", "Exactly one of GCPWorkloadIdentityFederationConfig or GCPCredentialsFile must be specified", "/spec/gcpCredentials")),
        Case(
            testDescription: "BackendSecurityPolicy.gcpCredentialsSource: a credentials file",
            yaml: policy("  type: GCPCredentials\n  gcpCredentials: {projectName: p, region: us-central1, credentialsFile: {secretRef: {name: gcp}}}"),
            expected: nil),
        Case(
            testDescription: "BackendSecurityPolicy.oidcClientID: both clientID and clientIDRef",
            yaml: oidcPolicy(provider(client: ["clientID: gateway", "clientIDRef: {name: client-id}"])),
            expected: ("TS2001", "only one of clientID or clientIDRef must be set", oidcPath)),
        Case(
            testDescription: "BackendSecurityPolicy.oidcProvider: backendRef instead of backendRefs",
            yaml: oidcPolicy(provider("backendRef: {name: idp, port: 443}")),
            expected: ("TS2001", "BackendRefs must be used, backendRef is not supported.", oidcPath + "/provider")),
        Case(
            testDescription: "BackendSecurityPolicy.oidcProvider: a per-retry timeout",
            yaml: oidcPolicy(provider("backendSettings: {retry: {perRetry: {timeout: 1s}}}")),
            expected: ("TS2001", "Retry timeout is not supported.", oidcPath + "/provider")),
        Case(
            testDescription: "BackendSecurityPolicy.oidcProvider: retried status codes",
            yaml: oidcPolicy(provider("backendSettings: {retry: {retryOn: {httpStatusCodes: [503]}}}")),
            expected: ("TS2001", "HTTPStatusCodes is not supported.", oidcPath + "/provider")),
        Case(
            testDescription: "AIGateway.backendRefPort: an OIDC backendRefs Service without port",
            yaml: oidcPolicy(provider("backendRefs: [{name: idp}]")),
            expected: ("TS2001", "Must have port for Service reference", oidcPath + "/provider/backendRefs/0")),
        Case(
            testDescription: "BackendSecurityPolicy.preconnect: predictive preconnect with LeastRequest",
            yaml: oidcPolicy(provider(
                "backendSettings: {connection: {preconnect: {predictivePercent: 150}}, loadBalancer: {type: LeastRequest}}")),
            expected: ("TS2001", "predictivePercent in preconnect policy only works with RoundRobin or Random load balancers", settingsPath)),
        Case(
            testDescription: "BackendSecurityPolicy.activeHealthCheck: HTTP without http",
            yaml: oidcPolicy(provider("backendSettings: {healthCheck: {active: {type: HTTP}}}")),
            expected: ("TS2001", "If Health Checker type is HTTP, http field needs to be set.", settingsPath + "/healthCheck/active")),
        Case(
            testDescription: "BackendSecurityPolicy.activeHealthCheck: grpc with TCP",
            yaml: oidcPolicy(provider("backendSettings: {healthCheck: {active: {type: TCP, tcp: {}, grpc: {}}}}")),
            expected: ("TS2001", "The grpc field can only be set if the Health Checker type is GRPC.", settingsPath + "/healthCheck/active")),
        Case(
            testDescription: "BackendSecurityPolicy.healthCheckPayload: Text without text",
            yaml: oidcPolicy(provider("backendSettings: {healthCheck: {active: {type: TCP, tcp: {send: {type: Text}}}}}")),
            expected: ("TS2001", "If payload type is Text, text field needs to be set.", settingsPath + "/healthCheck/active/tcp/send")),
        Case(
            testDescription: "BackendSecurityPolicy.loadBalancer: ConsistentHash without consistentHash",
            yaml: oidcPolicy(provider("backendSettings: {loadBalancer: {type: ConsistentHash}}")),
            expected: ("TS2001", "If LoadBalancer type is consistentHash, consistentHash field needs to be set.", settingsPath + "/loadBalancer")),
        Case(
            testDescription: "BackendSecurityPolicy.loadBalancer: slow start with Random",
            yaml: oidcPolicy(provider("backendSettings: {loadBalancer: {type: Random, slowStart: {window: 30s}}}")),
            expected: ("TS2001", "Currently SlowStart is only supported for RoundRobin and LeastRequest load balancers.", settingsPath + "/loadBalancer")),
        Case(
            testDescription: "BackendSecurityPolicy.consistentHash: Header without header",
            yaml: oidcPolicy(provider("backendSettings: {loadBalancer: {type: ConsistentHash, consistentHash: {type: Header}}}")),
            expected: ("TS2001", "If consistent hash type is header, the header field must be set.", settingsPath + "/loadBalancer/consistentHash")),
        Case(
            testDescription: "BackendSecurityPolicy: a complete OIDC token exchange",
            yaml: oidcPolicy(provider(
                """
                backendRefs: [{name: idp, port: 443}]
                backendSettings:
                  connection: {preconnect: {predictivePercent: 150}, bufferLimit: 32Ki}
                  loadBalancer: {type: RoundRobin, slowStart: {window: 30s}}
                  healthCheck:
                    active: {type: HTTP, http: {path: /healthz, expectedResponse: {type: Text, text: ok}}}
                  retry: {numRetries: 3, perRetry: {backOff: {baseInterval: 100ms}}}
                """)),
            expected: nil),
        Case(
            testDescription: "BackendSecurityPolicy: consistent hashing on a header",
            yaml: oidcPolicy(provider(
                "backendSettings: {loadBalancer: {type: ConsistentHash, consistentHash: {type: Header, header: {name: x-user}}}}")),
            expected: nil),
    ]

    static let cases = routeCases + backendCases + policyCases

    @Test(arguments: cases)
    func rule(_ testCase: Case) {
        testCase.check()
    }
}
