import Testing
@testable import TrafficCore

/// Every Envoy Gateway rule with a manifest that breaks it (the finding carries the CRD's
/// message) and one that keeps it (no error at all). The cases agree with `kube-conform`, which
/// evaluates the CRDs' CEL.
@Suite struct EnvoyGatewayRulesTests {
    struct RuleCase: Sendable, CustomTestStringConvertible {
        var rule: String
        var kind: String
        var message: String
        /// `spec` of the object, as YAML at indentation zero.
        var invalid: String
        var valid: String

        init(_ rule: String, _ kind: String, message: String, invalid: String, valid: String) {
            self.rule = rule
            self.kind = kind
            self.message = message
            self.invalid = invalid
            self.valid = valid
        }

        var testDescription: String { rule }
    }

    static let policyKinds: Set<String> = ["BackendTrafficPolicy", "ClientTrafficPolicy", "SecurityPolicy", "EnvoyExtensionPolicy"]

    /// The object around a `spec`; a policy whose spec names no target gets a Gateway target, so
    /// that the case breaks only the rule under test.
    static func document(_ kind: String, spec: String) -> String {
        var spec = spec
        if policyKinds.contains(kind), !spec.contains("targetRef") {
            spec = "targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]\n" + spec
        }
        let indented = spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        return "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: \(kind)\nmetadata: {name: t, namespace: default}\nspec:\n\(indented)\n"
    }

    static func findings(_ kind: String, spec: String) -> [Finding] {
        ManifestValidator(analyzers: []).validate(bytes: Array(document(kind, spec: spec).utf8), source: "t.yaml").findings
    }

    static let cases: [RuleCase] = [
        // Shared by several kinds
        RuleCase(
            "EnvoyGateway.targetSelector", "BackendTrafficPolicy",
            message: "group must be gateway.networking.k8s.io",
            invalid: "targetSelectors: [{group: example.com, kind: HTTPRoute, matchLabels: {app: web}}]",
            valid: "targetSelectors: [{group: gateway.networking.k8s.io, kind: HTTPRoute, matchLabels: {app: web}}]"),
        RuleCase(
            "EnvoyGateway.preconnect", "BackendTrafficPolicy",
            message: "predictivePercent in preconnect policy only works with RoundRobin or Random load balancers",
            invalid: "connection: {preconnect: {predictivePercent: 150}}\nloadBalancer: {type: LeastRequest}",
            valid: "connection: {preconnect: {predictivePercent: 150}}\nloadBalancer: {type: Random}"),
        RuleCase(
            "EnvoyGateway.activeHealthCheck", "BackendTrafficPolicy",
            message: "If Health Checker type is HTTP, http field needs to be set.",
            invalid: "healthCheck: {active: {type: HTTP}}",
            valid: "healthCheck: {active: {type: HTTP, http: {path: /healthz}}}"),
        RuleCase(
            "EnvoyGateway.healthCheckPayload", "BackendTrafficPolicy",
            message: "If payload type is Text, text field needs to be set.",
            invalid: "healthCheck: {active: {type: TCP, tcp: {send: {type: Text}}}}",
            valid: "healthCheck: {active: {type: TCP, tcp: {send: {type: Text, text: ping}}}}"),
        RuleCase(
            "EnvoyGateway.loadBalancer", "BackendTrafficPolicy",
            message: "Currently SlowStart is only supported for RoundRobin and LeastRequest load balancers.",
            invalid: "loadBalancer: {type: Random, slowStart: {window: 30s}}",
            valid: "loadBalancer: {type: RoundRobin, slowStart: {window: 30s}}"),
        RuleCase(
            "EnvoyGateway.consistentHash", "BackendTrafficPolicy",
            message: "If consistent hash type is header, the header field must be set.",
            invalid: "loadBalancer: {type: ConsistentHash, consistentHash: {type: Header}}",
            valid: "loadBalancer: {type: ConsistentHash, consistentHash: {type: Header, header: {name: x-user-id}}}"),
        RuleCase(
            "EnvoyGateway.responseBody", "HTTPRouteFilter",
            message: "inline must be set for type Inline",
            invalid: "directResponse: {body: {type: Inline}}",
            valid: "directResponse: {body: {type: Inline, inline: maintenance}}"),
        RuleCase(
            "EnvoyGateway.tlsVersions", "ClientTrafficPolicy",
            message: "minVersion must be smaller or equal to maxVersion",
            invalid: "tls: {minVersion: \"1.3\", maxVersion: \"1.2\"}",
            valid: "tls: {minVersion: \"1.2\", maxVersion: \"1.3\"}"),
        RuleCase(
            "GatewayAPI.backendRefPort", "SecurityPolicy",
            message: "Must have port for Service reference",
            invalid: "extAuth: {http: {backendRefs: [{name: auth}]}}",
            valid: "extAuth: {http: {backendRefs: [{name: auth, port: 9002}]}}"),
        RuleCase(
            "EnvoyGateway.backendRefKinds", "SecurityPolicy",
            message: "BackendRefs only supports Service, ServiceImport, and Backend kind.",
            invalid: "extAuth: {grpc: {backendRefs: [{kind: ConfigMap, name: auth}]}}",
            valid: "extAuth: {grpc: {backendRefs: [{group: gateway.envoyproxy.io, kind: Backend, name: auth}]}}"),
        RuleCase(
            "EnvoyGateway.noSingleBackendRef", "EnvoyExtensionPolicy",
            message: "BackendRefs must be used, backendRef is not supported.",
            invalid: "extProc: [{backendRef: {name: processor, port: 9002}, backendRefs: [{name: processor, port: 9002}]}]",
            valid: "extProc: [{backendRefs: [{name: processor, port: 9002}]}]"),
        RuleCase(
            "EnvoyGateway.inlineOrValueRef", "EnvoyExtensionPolicy",
            message: "Exactly one of inline or valueRef must be set with correct type.",
            invalid: "lua: [{type: Inline}]",
            valid: "lua: [{type: Inline, inline: \"function envoy_on_request(handle) end\"}]"),
        // BackendTrafficPolicy
        RuleCase(
            "BackendTrafficPolicy.targets", "BackendTrafficPolicy",
            message: "this policy can only have a targetRefs[*].kind of Gateway/HTTPRoute/GRPCRoute/TCPRoute/UDPRoute/TLSRoute",
            invalid: "targetRefs: [{group: gateway.networking.k8s.io, kind: Service, name: web}]",
            valid: "targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]"),
        RuleCase(
            "BackendTrafficPolicy.compression", "BackendTrafficPolicy",
            message: "either compression or compressor can be set, not both",
            invalid: "compression: [{type: Gzip}]\ncompressor: [{type: Brotli}]",
            valid: "compressor: [{type: Brotli}]"),
        RuleCase(
            "BackendTrafficPolicy.faultInjection", "BackendTrafficPolicy",
            message: "Delay and abort faults are set at least one.",
            invalid: "faultInjection: {}",
            valid: "faultInjection: {delay: {fixedDelay: 2s}}"),
        RuleCase(
            "BackendTrafficPolicy.faultAbort", "BackendTrafficPolicy",
            message: "httpStatus and grpcStatus cannot be simultaneously defined.",
            invalid: "faultInjection: {abort: {httpStatus: 503, grpcStatus: 14}}",
            valid: "faultInjection: {abort: {httpStatus: 503, percentage: 10}}"),
        RuleCase(
            "BackendTrafficPolicy.httpUpgrade", "BackendTrafficPolicy",
            message: "The connect configuration is only allowed when the type is CONNECT.",
            invalid: "httpUpgrade: [{type: websocket, connect: {terminate: true}}]",
            valid: "httpUpgrade: [{type: CONNECT, connect: {terminate: true}}]"),
        RuleCase(
            "BackendTrafficPolicy.clientSelector", "BackendTrafficPolicy",
            message: "at least one of headers, methods, path or sourceCIDR must be specified",
            invalid: "rateLimit: {local: {rules: [{clientSelectors: [{}], limit: {requests: 10, unit: Second}}]}}",
            valid: "rateLimit: {local: {rules: [{clientSelectors: [{headers: [{name: x-user-id, type: Distinct}]}], limit: {requests: 10, unit: Second}}]}}"),
        RuleCase(
            "BackendTrafficPolicy.rateLimitCost", "BackendTrafficPolicy",
            message: "only one of number or metadata can be specified",
            invalid: "rateLimit: {global: {rules: [{limit: {requests: 1000, unit: Hour}, cost: {request: {from: Number, number: 1, metadata: {namespace: io.envoy.ai_gateway, key: llm_total_token}}}}]}}",
            valid: "rateLimit: {global: {rules: [{limit: {requests: 1000, unit: Hour}, cost: {request: {from: Number, number: 0}, response: {from: Metadata, metadata: {namespace: io.envoy.ai_gateway, key: llm_total_token}}}}]}}"),
        RuleCase(
            "BackendTrafficPolicy.localRateLimitRules", "BackendTrafficPolicy",
            message: "response cost is not supported for Local Rate Limits",
            invalid: "rateLimit: {local: {rules: [{limit: {requests: 1000, unit: Hour}, cost: {response: {from: Metadata, metadata: {namespace: io.envoy.ai_gateway, key: llm_total_token}}}}]}}",
            valid: "rateLimit: {local: {rules: [{limit: {requests: 1000, unit: Hour}, cost: {request: {from: Number, number: 2}}}]}}"),
        RuleCase(
            "BackendTrafficPolicy.responseOverride", "BackendTrafficPolicy",
            message: "exactly one of response or redirect must be specified",
            invalid: "responseOverride: [{match: {statusCodes: [{type: Value, value: 500}]}}]",
            valid: "responseOverride: [{match: {statusCodes: [{type: Value, value: 500}]}, response: {statusCode: 503}}]"),
        RuleCase(
            "BackendTrafficPolicy.statusCodeMatch", "BackendTrafficPolicy",
            message: "range must be set for type Range",
            invalid: "responseOverride: [{match: {statusCodes: [{type: Range}]}, response: {statusCode: 503}}]",
            valid: "responseOverride: [{match: {statusCodes: [{type: Range, range: {start: 500, end: 599}}]}, response: {statusCode: 503}}]"),
        RuleCase(
            "BackendTrafficPolicy.statusCodeRange", "BackendTrafficPolicy",
            message: "end must be greater than start",
            invalid: "responseOverride: [{match: {statusCodes: [{type: Range, range: {start: 599, end: 500}}]}, response: {statusCode: 503}}]",
            valid: "responseOverride: [{match: {statusCodes: [{type: Range, range: {start: 500, end: 599}}]}, response: {statusCode: 503}}]"),
        RuleCase(
            "BackendTrafficPolicy.redirectPath", "BackendTrafficPolicy",
            message: "only ReplaceFullPath is supported for path.type",
            invalid: "responseOverride: [{match: {statusCodes: [{type: Value, value: 404}]}, redirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]",
            valid: "responseOverride: [{match: {statusCodes: [{type: Value, value: 404}]}, redirect: {path: {type: ReplaceFullPath, replaceFullPath: /not-found}}}]"),
        RuleCase(
            "BackendTrafficPolicy.responseHeader", "BackendTrafficPolicy",
            message: "Remove is not supported for header in CustomResponse",
            invalid: "responseOverride: [{match: {statusCodes: [{type: Value, value: 500}]}, response: {header: {remove: [x-internal]}}}]",
            valid: "responseOverride: [{match: {statusCodes: [{type: Value, value: 500}]}, response: {header: {add: [{name: x-error, value: \"1\"}]}}}]"),
        RuleCase(
            "GatewayAPI.fraction", "BackendTrafficPolicy",
            message: "numerator must be less than or equal to denominator",
            invalid: "telemetry: {tracing: {samplingFraction: {numerator: 101}}}",
            valid: "telemetry: {tracing: {samplingFraction: {numerator: 5, denominator: 1000}}}"),
        // ClientTrafficPolicy
        RuleCase(
            "ClientTrafficPolicy.targets", "ClientTrafficPolicy",
            message: "this policy can only have a targetRefs[*].kind of Gateway",
            invalid: "targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]",
            valid: "targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg, sectionName: https}]"),
        RuleCase(
            "ClientTrafficPolicy.clientIPDetection", "ClientTrafficPolicy",
            message: "customHeader cannot be used in conjunction with xForwardedFor",
            invalid: "clientIPDetection: {xForwardedFor: {numTrustedHops: 1}, customHeader: {name: X-Real-IP}}",
            valid: "clientIPDetection: {customHeader: {name: X-Real-IP}}"),
        RuleCase(
            "ClientTrafficPolicy.xForwardedFor", "ClientTrafficPolicy",
            message: "only one of numTrustedHops or trustedCIDRs must be set",
            invalid: "clientIPDetection: {xForwardedFor: {numTrustedHops: 1, trustedCIDRs: [10.0.0.0/8]}}",
            valid: "clientIPDetection: {xForwardedFor: {trustedCIDRs: [10.0.0.0/8]}}"),
        RuleCase(
            "ClientTrafficPolicy.connectionLimit", "ClientTrafficPolicy",
            message: "closeDelay can only be configured when value is set",
            invalid: "connection: {connectionLimit: {closeDelay: 1s}}",
            valid: "connection: {connectionLimit: {value: 1000, closeDelay: 1s}}"),
        RuleCase(
            "ClientTrafficPolicy.requestID", "ClientTrafficPolicy",
            message: "preserveXRequestID and requestID cannot both be set.",
            invalid: "headers: {preserveXRequestID: true, requestID: Preserve}",
            valid: "headers: {requestID: Preserve}"),
        RuleCase(
            "ClientTrafficPolicy.xForwardedClientCert", "ClientTrafficPolicy",
            message: "certDetailsToAdd can only be set when mode is AppendForward or SanitizeSet",
            invalid: "headers: {xForwardedClientCert: {mode: Sanitize, certDetailsToAdd: [Subject]}}",
            valid: "headers: {xForwardedClientCert: {mode: SanitizeSet, certDetailsToAdd: [Subject]}}"),
        // SecurityPolicy
        RuleCase(
            "SecurityPolicy.targets", "SecurityPolicy",
            message: "this policy can only have a targetRefs[*].kind of Gateway/HTTPRoute/GRPCRoute/TCPRoute",
            invalid: "targetRefs: [{group: gateway.networking.k8s.io, kind: UDPRoute, name: dns}]\ncors: {allowOrigins: [\"*\"]}",
            valid: "targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]\ncors: {allowOrigins: [\"*\"]}"),
        RuleCase(
            "SecurityPolicy.authorizationJWT", "SecurityPolicy",
            message: "if authorization.rules.principal.jwt is used, jwt must be defined",
            invalid: "authorization: {rules: [{action: Allow, principal: {jwt: {provider: idp, scopes: [read]}}}]}",
            valid: "jwt: {providers: [{name: idp, remoteJWKS: {uri: \"https://idp.example.com/jwks\"}}]}\nauthorization: {rules: [{action: Allow, principal: {jwt: {provider: idp, scopes: [read]}}}]}"),
        RuleCase(
            "SecurityPolicy.principal", "SecurityPolicy",
            message: "at least one of clientCIDRs, jwt, or headers must be specified",
            invalid: "authorization: {defaultAction: Deny, rules: [{action: Allow, principal: {}}]}",
            valid: "authorization: {defaultAction: Deny, rules: [{action: Allow, principal: {clientCIDRs: [10.0.0.0/8]}}]}"),
        RuleCase(
            "SecurityPolicy.principalJWT", "SecurityPolicy",
            message: "at least one of claims or scopes must be specified",
            invalid: "jwt: {providers: [{name: idp, remoteJWKS: {uri: \"https://idp.example.com/jwks\"}}]}\nauthorization: {rules: [{action: Allow, principal: {jwt: {provider: idp}}}]}",
            valid: "jwt: {providers: [{name: idp, remoteJWKS: {uri: \"https://idp.example.com/jwks\"}}]}\nauthorization: {rules: [{action: Allow, principal: {jwt: {provider: idp, claims: [{name: role, values: [admin]}]}}}]}"),
        RuleCase(
            "SecurityPolicy.extAuth", "SecurityPolicy",
            message: "one of grpc or http must be specified",
            invalid: "extAuth: {failOpen: true}",
            valid: "extAuth: {failOpen: true, http: {backendRefs: [{name: auth, port: 9002}]}}"),
        RuleCase(
            "SecurityPolicy.extAuthBackend", "SecurityPolicy",
            message: "backendRef or backendRefs needs to be set",
            invalid: "extAuth: {grpc: {backendRefs: []}}",
            valid: "extAuth: {grpc: {backendRefs: [{name: auth, port: 9002}]}}"),
        RuleCase(
            "SecurityPolicy.jwtProvider", "SecurityPolicy",
            message: "either remoteJWKS or localJWKS must be specified.",
            invalid: "jwt: {providers: [{name: idp, issuer: \"https://idp.example.com\"}]}",
            valid: "jwt: {providers: [{name: idp, issuer: \"https://idp.example.com\", localJWKS: {type: Inline, inline: \"{}\"}}]}"),
        RuleCase(
            "SecurityPolicy.providerRetry", "SecurityPolicy",
            message: "Retry timeout is not supported.",
            invalid: "jwt: {providers: [{name: idp, remoteJWKS: {uri: \"https://idp.example.com/jwks\", backendRefs: [{name: idp, port: 443}], backendSettings: {retry: {perRetry: {timeout: 1s}}}}}]}",
            valid: "jwt: {providers: [{name: idp, remoteJWKS: {uri: \"https://idp.example.com/jwks\", backendRefs: [{name: idp, port: 443}], backendSettings: {retry: {numRetries: 3}}}}]}"),
        RuleCase(
            "SecurityPolicy.oidcClientID", "SecurityPolicy",
            message: "only one of clientID or clientIDRef must be set",
            invalid: "oidc: {provider: {issuer: \"https://accounts.google.com\"}, clientSecret: {name: oidc-secret}}",
            valid: "oidc: {provider: {issuer: \"https://accounts.google.com\"}, clientID: web, clientSecret: {name: oidc-secret}}"),
        // Backend
        RuleCase(
            "Backend.dynamicResolver", "Backend",
            message: "DynamicResolver type cannot have endpoints specified",
            invalid: "type: DynamicResolver\nendpoints: [{fqdn: {hostname: api.example.com, port: 443}}]",
            valid: "type: DynamicResolver"),
        RuleCase(
            "Backend.endpoints", "Backend",
            message: "fqdn addresses cannot be mixed with other address types",
            invalid: "endpoints: [{fqdn: {hostname: api.example.com, port: 443}}, {ip: {address: 10.0.0.1, port: 443}}]",
            valid: "endpoints: [{ip: {address: 10.0.0.2, port: 443}}, {ip: {address: 10.0.0.1, port: 443}}]"),
        RuleCase(
            "Backend.endpoint", "Backend",
            message: "one of fqdn, ip or unix must be specified",
            invalid: "endpoints: [{zone: eu-west-1a}]",
            valid: "endpoints: [{zone: eu-west-1a, unix: {path: /var/run/app.sock}}]"),
        RuleCase(
            "Backend.unixPath", "Backend",
            message: "unix domain socket path must not exceed 108 characters",
            invalid: "endpoints: [{unix: {path: /var/run/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.sock}}]",
            valid: "endpoints: [{unix: {path: /var/run/app.sock}}]"),
        RuleCase(
            "Backend.tlsTrust", "Backend",
            message: "must not contain either CACertificateRefs or WellKnownCACertificates when InsecureSkipVerify is enabled",
            invalid: "endpoints: [{fqdn: {hostname: api.example.com, port: 443}}]\ntls: {insecureSkipVerify: true, wellKnownCACertificates: System}",
            valid: "endpoints: [{fqdn: {hostname: api.example.com, port: 443}}]\ntls: {wellKnownCACertificates: System, sni: api.example.com}"),
        // HTTPRouteFilter
        RuleCase(
            "HTTPRouteFilter.directResponseHeader", "HTTPRouteFilter",
            message: "header.remove is not supported for DirectResponse",
            invalid: "directResponse: {statusCode: 503, header: {remove: [server]}}",
            valid: "directResponse: {statusCode: 503, header: {set: [{name: retry-after, value: \"30\"}]}}"),
        RuleCase(
            "HTTPRouteFilter.hostnameRewrite", "HTTPRouteFilter",
            message: "header must be nil if the type is not Header",
            invalid: "urlRewrite: {hostname: {type: Backend, header: x-host}}",
            valid: "urlRewrite: {hostname: {type: Header, header: x-host}}"),
        RuleCase(
            "HTTPRouteFilter.pathRewrite", "HTTPRouteFilter",
            message: "If HTTPPathModifier type is ReplaceRegexMatch, replaceRegexMatch field needs to be set.",
            invalid: "urlRewrite: {path: {type: ReplaceRegexMatch}}",
            valid: "urlRewrite: {path: {type: ReplaceRegexMatch, replaceRegexMatch: {pattern: \"^/v1/\", substitution: /v2/}}}"),
        // EnvoyExtensionPolicy
        RuleCase(
            "EnvoyExtensionPolicy.targets", "EnvoyExtensionPolicy",
            message: "this policy can only have a targetRefs[*].group of gateway.networking.k8s.io",
            invalid: "targetRefs: [{group: example.com, kind: Gateway, name: eg}]\nlua: [{type: Inline, inline: \"function envoy_on_request(handle) end\"}]",
            valid: "targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]\nlua: [{type: Inline, inline: \"function envoy_on_request(handle) end\"}]"),
        RuleCase(
            "EnvoyExtensionPolicy.extProcFailOpen", "EnvoyExtensionPolicy",
            message: "If FullDuplexStreamed body processing mode is used, FailOpen must be false.",
            invalid: "extProc: [{backendRefs: [{name: processor, port: 9002}], failOpen: true, processingMode: {request: {body: FullDuplexStreamed}}}]",
            valid: "extProc: [{backendRefs: [{name: processor, port: 9002}], failOpen: false, processingMode: {request: {body: FullDuplexStreamed}}}]"),
        RuleCase(
            "EnvoyExtensionPolicy.writableNamespaces", "EnvoyExtensionPolicy",
            message: "writableNamespaces cannot contain well-known Envoy HTTP filter namespaces",
            invalid: "extProc: [{backendRefs: [{name: processor, port: 9002}], metadata: {writableNamespaces: [envoy.filters.http.ext_authz]}}]",
            valid: "extProc: [{backendRefs: [{name: processor, port: 9002}], metadata: {writableNamespaces: [example.processor]}}]"),
        RuleCase(
            "EnvoyExtensionPolicy.luaValueRef", "EnvoyExtensionPolicy",
            message: "Only a reference to an object of kind ConfigMap belonging to default v1 API group is supported.",
            invalid: "lua: [{type: ValueRef, valueRef: {group: \"\", kind: Secret, name: script}}]",
            valid: "lua: [{type: ValueRef, valueRef: {group: \"\", kind: ConfigMap, name: script}}]"),
        RuleCase(
            "EnvoyExtensionPolicy.wasmCode", "EnvoyExtensionPolicy",
            message: "If type is HTTP, http field needs to be set.",
            invalid: "wasm: [{code: {type: HTTP}}]",
            valid: "wasm: [{code: {type: HTTP, http: {url: \"https://example.com/filter.wasm\"}}}]"),
        RuleCase(
            "EnvoyExtensionPolicy.pullSecretRef", "EnvoyExtensionPolicy",
            message: "only support Secret kind.",
            invalid: "wasm: [{code: {type: Image, image: {url: \"oci://registry.example.com/filter:v1\", pullSecretRef: {kind: ConfigMap, name: pull}}}}]",
            valid: "wasm: [{code: {type: Image, image: {url: \"oci://registry.example.com/filter:v1\", pullSecretRef: {name: pull}}}}]"),
    ]

    @Test(arguments: cases)
    func ruleRejectsTheBrokenAndAcceptsTheKept(_ ruleCase: RuleCase) {
        let broken = Self.findings(ruleCase.kind, spec: ruleCase.invalid)
        #expect(
            broken.contains { $0.code == "TS2001" && $0.severity == .error && $0.message == ruleCase.message },
            "\(ruleCase.rule): expected \"\(ruleCase.message)\", got \(broken.map { "\($0.code) \($0.path): \($0.message)" })")
        let kept = Self.findings(ruleCase.kind, spec: ruleCase.valid).filter { $0.severity == .error }
        #expect(kept.isEmpty, "\(ruleCase.rule): \(kept.map { "\($0.code) \($0.path): \($0.message)" })")
    }

    /// Every Envoy Gateway rule has a case; the cases may also name the Gateway API rules that
    /// the Envoy Gateway schema reuses.
    @Test func everyRuleHasACase() {
        let tested = Set(Self.cases.map(\.rule))
        let defined = Set(EnvoyGatewayRules.rules.map(\.id))
        #expect(defined.subtracting(tested).isEmpty, "rules without a case: \(defined.subtracting(tested).sorted())")
        let unknown = tested.filter { SchemaRuleCatalog.byID[$0] == nil }
        #expect(unknown.isEmpty, "cases for unknown rules: \(unknown.sorted())")
    }
}
