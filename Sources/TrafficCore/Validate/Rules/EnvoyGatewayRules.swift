/// The CEL rules of the EnvoyGateway CRDs, as Swift checks with the CRDs' messages.
///
/// Two CEL rules the Envoy Gateway CRDs share word for word with Gateway API are not repeated
/// here: the schema names `GatewayAPI.backendRefPort` (backend references) and
/// `GatewayAPI.fraction` (tracing `samplingFraction`).
enum EnvoyGatewayRules {
    static let rules: [SchemaRule] = shared + backendTrafficPolicy + clientTrafficPolicy + securityPolicy + backend
        + httpRouteFilter + envoyExtensionPolicy
}

private typealias Support = EnvoyGatewayRuleSupport

// MARK: - Rules shared by several kinds

extension EnvoyGatewayRules {
    static let shared: [SchemaRule] = [
        SchemaRule("EnvoyGateway.targetSelector") { selector in
            guard let group = selector["group"]?.string, group != "gateway.networking.k8s.io" else { return [] }
            return [RuleViolation("group must be gateway.networking.k8s.io")]
        },
        // On BackendTrafficPolicy `spec` and every `backendSettings`.
        SchemaRule("EnvoyGateway.preconnect") { settings in
            guard Support.has(settings, ["connection", "preconnect", "predictivePercent"]) else { return [] }
            let balancer = settings["loadBalancer"]?["type"]?.string
            guard balancer != "Random", balancer != "RoundRobin" else { return [] }
            return [RuleViolation("predictivePercent in preconnect policy only works with RoundRobin or Random load balancers")]
        },
        SchemaRule("EnvoyGateway.activeHealthCheck") { check in
            guard let type = check["type"]?.string else { return [] }
            return [
                Support.fieldMatchesType(
                    check, type: type, expected: "HTTP", field: "http",
                    message: "If Health Checker type is HTTP, http field needs to be set."),
                Support.fieldMatchesType(
                    check, type: type, expected: "TCP", field: "tcp",
                    message: "If Health Checker type is TCP, tcp field needs to be set."),
                check.has("grpc") && type != "GRPC"
                    ? RuleViolation("The grpc field can only be set if the Health Checker type is GRPC.") : nil,
            ].compactMap { $0 }
        },
        // On the expected response of an HTTP check and the send/receive payloads of a TCP check.
        SchemaRule("EnvoyGateway.healthCheckPayload") { payload in
            guard let type = payload["type"]?.string else { return [] }
            return [
                Support.fieldMatchesType(
                    payload, type: type, expected: "Text", field: "text",
                    message: "If payload type is Text, text field needs to be set."),
                Support.fieldMatchesType(
                    payload, type: type, expected: "Binary", field: "binary",
                    message: "If payload type is Binary, binary field needs to be set."),
            ].compactMap { $0 }
        },
        SchemaRule("EnvoyGateway.loadBalancer") { balancer in
            guard let type = balancer["type"]?.string else { return [] }
            return Support.violations([
                ((type == "ConsistentHash") != balancer.has("consistentHash"),
                 "If LoadBalancer type is consistentHash, consistentHash field needs to be set."),
                (["Random", "ConsistentHash"].contains(type) && balancer.has("slowStart"),
                 "Currently SlowStart is only supported for RoundRobin and LeastRequest load balancers."),
                (type == "ConsistentHash" && balancer.has("zoneAware"),
                 "Currently ZoneAware is only supported for LeastRequest, Random, and RoundRobin load balancers."),
            ])
        },
        SchemaRule("EnvoyGateway.consistentHash") { hash in
            guard let type = hash["type"]?.string else { return [] }
            return [
                Support.fieldMatchesType(
                    hash, type: type, expected: "Header", field: "header",
                    message: "If consistent hash type is header, the header field must be set."),
                Support.fieldMatchesType(
                    hash, type: type, expected: "Headers", field: "headers",
                    message: "If consistent hash type is headers, the headers field must be set."),
                Support.fieldMatchesType(
                    hash, type: type, expected: "Cookie", field: "cookie",
                    message: "If consistent hash type is cookie, the cookie field must be set."),
            ].compactMap { $0 }
        },
        // A custom response body (BackendTrafficPolicy responseOverride, HTTPRouteFilter
        // directResponse); `type` defaults to Inline.
        SchemaRule("EnvoyGateway.responseBody") { body in
            let type = body.string(at: "type", default: "Inline")
            return Support.violations([
                (type == "Inline" && !body.has("inline"), "inline must be set for type Inline"),
                (type == "ValueRef" && !body.has("valueRef"), "valueRef must be set for type ValueRef"),
                (body.has("valueRef") && body["valueRef"]?["kind"]?.string != "ConfigMap",
                 "only ConfigMap is supported for ValueRef"),
            ])
        },
        // ClientTrafficPolicy `tls` and Backend `tls`.
        SchemaRule("EnvoyGateway.tlsVersions") { tls in
            let minimum = tls["minVersion"]?.string
            var violations: [RuleViolation] = []
            if minimum == "1.3", tls.has("ciphers") {
                violations.append(RuleViolation("setting ciphers has no effect if the minimum possible TLS version is 1.3"))
            }
            if let maximum = tls["maxVersion"]?.string, let maximumRank = Support.maximumVersionRank[maximum] {
                let minimumRank = minimum.map { Support.minimumVersionRank[$0] } ?? Support.unsetMinimumVersionRank
                if let minimumRank, minimumRank > maximumRank {
                    violations.append(RuleViolation("minVersion must be smaller or equal to maxVersion"))
                }
            }
            return violations
        },
        SchemaRule("EnvoyGateway.backendRefKinds") { service in
            let references = service["backendRefs"]?.items ?? []
            let kinds: Set<String> = ["Service", "ServiceImport", "Backend"]
            let groups: Set<String> = ["", "multicluster.x-k8s.io", "gateway.envoyproxy.io"]
            return Support.violations([
                (references.contains { !kinds.contains($0.string(at: "kind", default: "Service") ?? "") },
                 "BackendRefs only supports Service, ServiceImport, and Backend kind."),
                (references.contains { !groups.contains($0.string(at: "group", default: "") ?? "") },
                 "BackendRefs only supports Core, multicluster.x-k8s.io, and gateway.envoyproxy.io groups."),
            ])
        },
        SchemaRule("EnvoyGateway.noSingleBackendRef") { service in
            guard service.has("backendRef") else { return [] }
            return [RuleViolation("BackendRefs must be used, backendRef is not supported.")]
        },
        // JWT local JWKS and Lua scripts: `type` defaults to Inline.
        SchemaRule("EnvoyGateway.inlineOrValueRef") { source in
            let type = source.string(at: "type", default: "Inline")
            let inline = source.has("inline")
            let valueRef = source.has("valueRef")
            guard !(type == "Inline" && inline && !valueRef), !(type == "ValueRef" && !inline && valueRef) else { return [] }
            return [RuleViolation("Exactly one of inline or valueRef must be set with correct type.")]
        },
    ]
}

// MARK: - BackendTrafficPolicy

extension EnvoyGatewayRules {
    private static let routeAndGatewayTargets = Support.TargetKinds(
        kinds: ["Gateway", "HTTPRoute", "GRPCRoute", "UDPRoute", "TCPRoute", "TLSRoute"],
        listed: "Gateway/HTTPRoute/GRPCRoute/TCPRoute/UDPRoute/TLSRoute")

    static let backendTrafficPolicy: [SchemaRule] = [
        SchemaRule("BackendTrafficPolicy.targets") { spec in
            Support.targetViolations(spec, routeAndGatewayTargets)
        },
        SchemaRule("BackendTrafficPolicy.compression") { spec in
            guard spec.has("compression"), spec.has("compressor") else { return [] }
            return [RuleViolation("either compression or compressor can be set, not both")]
        },
        SchemaRule("BackendTrafficPolicy.faultInjection") { fault in
            guard !fault.has("delay"), !fault.has("abort") else { return [] }
            return [RuleViolation("Delay and abort faults are set at least one.")]
        },
        SchemaRule("BackendTrafficPolicy.faultAbort") { abort in
            let http = abort.has("httpStatus")
            let grpc = abort.has("grpcStatus")
            return Support.violations([
                (http && grpc, "httpStatus and grpcStatus cannot be simultaneously defined."),
                (!http && !grpc, "httpStatus and grpcStatus are set at least one."),
            ])
        },
        SchemaRule("BackendTrafficPolicy.httpUpgrade") { upgrade in
            guard upgrade.has("connect"), upgrade["type"]?.string != "CONNECT" else { return [] }
            return [RuleViolation("The connect configuration is only allowed when the type is CONNECT.")]
        },
        SchemaRule("BackendTrafficPolicy.clientSelector") { selector in
            guard !["headers", "methods", "path", "sourceCIDR"].contains(where: selector.has) else { return [] }
            return [RuleViolation("at least one of headers, methods, path or sourceCIDR must be specified")]
        },
        SchemaRule("BackendTrafficPolicy.rateLimitCost") { cost in
            guard cost.has("number"), cost.has("metadata") else { return [] }
            return [RuleViolation("only one of number or metadata can be specified")]
        },
        SchemaRule("BackendTrafficPolicy.localRateLimitRules") { rules in
            guard (rules.items ?? []).contains(where: { Support.has($0, ["cost", "response"]) }) else { return [] }
            return [RuleViolation("response cost is not supported for Local Rate Limits")]
        },
        SchemaRule("BackendTrafficPolicy.responseOverride") { override in
            guard override.has("response") == override.has("redirect") else { return [] }
            return [RuleViolation("exactly one of response or redirect must be specified")]
        },
        // `type` defaults to Value.
        SchemaRule("BackendTrafficPolicy.statusCodeMatch") { match in
            let type = match.string(at: "type", default: "Value")
            return Support.violations([
                (type == "Value" && !match.has("value"), "value must be set for type Value"),
                (type == "Range" && !match.has("range"), "range must be set for type Range"),
            ])
        },
        SchemaRule("BackendTrafficPolicy.statusCodeRange") { range in
            guard let start = range["start"]?.integer, let end = range["end"]?.integer, end <= start else { return [] }
            return [RuleViolation("end must be greater than start")]
        },
        SchemaRule("BackendTrafficPolicy.redirectPath") { path in
            guard let type = path["type"]?.string else { return [] }
            let fullPath = path.has("replaceFullPath")
            let prefixMatch = path.has("replacePrefixMatch")
            return Support.violations([
                (type != "ReplaceFullPath", "only ReplaceFullPath is supported for path.type"),
                (type == "ReplaceFullPath" && !fullPath,
                 "replaceFullPath must be specified when type is set to 'ReplaceFullPath'"),
                (fullPath && type != "ReplaceFullPath", "type must be 'ReplaceFullPath' when replaceFullPath is set"),
                (type == "ReplacePrefixMatch" && !prefixMatch,
                 "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'"),
                (prefixMatch && type != "ReplacePrefixMatch",
                 "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set"),
            ])
        },
        SchemaRule("BackendTrafficPolicy.responseHeader") { header in
            guard header.hasItems("remove") else { return [] }
            return [RuleViolation("Remove is not supported for header in CustomResponse")]
        },
    ]
}

// MARK: - ClientTrafficPolicy

extension EnvoyGatewayRules {
    static let clientTrafficPolicy: [SchemaRule] = [
        SchemaRule("ClientTrafficPolicy.targets") { spec in
            Support.targetViolations(spec, Support.TargetKinds(kinds: ["Gateway"], listed: "Gateway"))
        },
        SchemaRule("ClientTrafficPolicy.clientIPDetection") { detection in
            guard detection.has("xForwardedFor"), detection.has("customHeader") else { return [] }
            return [RuleViolation("customHeader cannot be used in conjunction with xForwardedFor")]
        },
        SchemaRule("ClientTrafficPolicy.xForwardedFor") { forwardedFor in
            guard forwardedFor.has("numTrustedHops") == forwardedFor.has("trustedCIDRs") else { return [] }
            return [RuleViolation("only one of numTrustedHops or trustedCIDRs must be set")]
        },
        SchemaRule("ClientTrafficPolicy.connectionLimit") { limit in
            guard limit.has("closeDelay"), !limit.has("value") else { return [] }
            return [RuleViolation("closeDelay can only be configured when value is set")]
        },
        SchemaRule("ClientTrafficPolicy.requestID") { headers in
            guard headers.has("preserveXRequestID"), headers.has("requestID") else { return [] }
            return [RuleViolation("preserveXRequestID and requestID cannot both be set.")]
        },
        // `mode` has no default: certificate details without a mode fail the CEL rule too.
        SchemaRule("ClientTrafficPolicy.xForwardedClientCert") { certificate in
            let mode = certificate["mode"]?.string
            guard certificate.hasItems("certDetailsToAdd"), mode != "AppendForward", mode != "SanitizeSet" else {
                return []
            }
            return [RuleViolation("certDetailsToAdd can only be set when mode is AppendForward or SanitizeSet")]
        },
    ]
}

// MARK: - SecurityPolicy

extension EnvoyGatewayRules {
    static let securityPolicy: [SchemaRule] = [
        SchemaRule("SecurityPolicy.targets") { spec in
            Support.targetViolations(spec, Support.TargetKinds(
                kinds: ["Gateway", "HTTPRoute", "GRPCRoute", "TCPRoute"], listed: "Gateway/HTTPRoute/GRPCRoute/TCPRoute"))
        },
        SchemaRule("SecurityPolicy.authorizationJWT") { spec in
            let rules = spec["authorization"]?["rules"]?.items ?? []
            guard rules.contains(where: { Support.has($0, ["principal", "jwt"]) }), !spec.has("jwt") else { return [] }
            return [RuleViolation("if authorization.rules.principal.jwt is used, jwt must be defined")]
        },
        SchemaRule("SecurityPolicy.principal") { principal in
            guard !["clientCIDRs", "jwt", "headers"].contains(where: principal.has) else { return [] }
            return [RuleViolation("at least one of clientCIDRs, jwt, or headers must be specified")]
        },
        SchemaRule("SecurityPolicy.principalJWT") { jwt in
            guard !jwt.has("claims"), !jwt.has("scopes") else { return [] }
            return [RuleViolation("at least one of claims or scopes must be specified")]
        },
        // Neither grpc nor http breaks both CEL rules; both break only the second.
        SchemaRule("SecurityPolicy.extAuth") { extAuth in
            let grpc = extAuth.has("grpc")
            let http = extAuth.has("http")
            return Support.violations([
                (!grpc && !http, "one of grpc or http must be specified"),
                (grpc == http, "only one of grpc or http can be specified"),
            ])
        },
        SchemaRule("SecurityPolicy.extAuthBackend") { service in
            guard !service.has("backendRef"), !service.hasItems("backendRefs") else { return [] }
            return [RuleViolation("backendRef or backendRefs needs to be set")]
        },
        SchemaRule("SecurityPolicy.jwtProvider") { provider in
            let remote = provider.has("remoteJWKS")
            let local = provider.has("localJWKS")
            return Support.violations([
                (provider["recomputeRoute"]?.bool == true && !provider.hasItems("claimToHeaders"),
                 "claimToHeaders must be specified if recomputeRoute is enabled."),
                (!remote && !local, "either remoteJWKS or localJWKS must be specified."),
                (remote && local, "remoteJWKS and localJWKS cannot both be specified."),
            ])
        },
        // The JWKS and OIDC provider fetches take no per-retry timeout and no retriable status codes.
        SchemaRule("SecurityPolicy.providerRetry") { provider in
            Support.violations([
                (Support.has(provider, ["backendSettings", "retry", "perRetry", "timeout"]), "Retry timeout is not supported."),
                (Support.has(provider, ["backendSettings", "retry", "retryOn", "httpStatusCodes"]),
                 "HTTPStatusCodes is not supported."),
            ])
        },
        SchemaRule("SecurityPolicy.oidcClientID") { oidc in
            guard oidc.has("clientID") == oidc.has("clientIDRef") else { return [] }
            return [RuleViolation("only one of clientID or clientIDRef must be set")]
        },
    ]
}

// MARK: - Backend

extension EnvoyGatewayRules {
    static let backend: [SchemaRule] = [
        // `type` defaults to Endpoints.
        SchemaRule("Backend.dynamicResolver") { spec in
            guard spec["type"]?.string == "DynamicResolver", spec.has("endpoints") else { return [] }
            return [RuleViolation("DynamicResolver type cannot have endpoints specified")]
        },
        SchemaRule("Backend.endpoints") { endpoints in
            let fqdn = (endpoints.items ?? []).map { $0.has("fqdn") }
            guard fqdn.contains(true), fqdn.contains(false) else { return [] }
            return [RuleViolation("fqdn addresses cannot be mixed with other address types")]
        },
        SchemaRule("Backend.endpoint") { endpoint in
            let addresses = ["fqdn", "ip", "unix"].filter(endpoint.has).count
            return Support.violations([
                (addresses == 0, "one of fqdn, ip or unix must be specified"),
                (addresses != 1, "only one of fqdn, ip or unix can be specified"),
            ])
        },
        SchemaRule("Backend.unixPath") { path in
            guard let text = path.string, text.unicodeScalars.count > 108 else { return [] }
            return [RuleViolation("unix domain socket path must not exceed 108 characters")]
        },
        SchemaRule("Backend.tlsTrust") { tls in
            let caRefs = tls.hasItems("caCertificateRefs")
            let wellKnown = Support.hasText(tls, "wellKnownCACertificates")
            return Support.violations([
                (caRefs && wellKnown, "must not contain both CACertificateRefs and WellKnownCACertificates"),
                (tls["insecureSkipVerify"]?.bool == true && (caRefs || wellKnown),
                 "must not contain either CACertificateRefs or WellKnownCACertificates when InsecureSkipVerify is enabled"),
            ])
        },
    ]
}

// MARK: - HTTPRouteFilter

extension EnvoyGatewayRules {
    static let httpRouteFilter: [SchemaRule] = [
        SchemaRule("HTTPRouteFilter.directResponseHeader") { header in
            guard header.hasItems("remove") else { return [] }
            return [RuleViolation("header.remove is not supported for DirectResponse")]
        },
        SchemaRule("HTTPRouteFilter.hostnameRewrite") { hostname in
            guard let type = hostname["type"]?.string else { return [] }
            return Support.violations([
                (hostname.has("header") && type != "Header", "header must be nil if the type is not Header"),
                (!hostname.has("header") && type == "Header", "header must be specified for Header type"),
            ])
        },
        SchemaRule("HTTPRouteFilter.pathRewrite") { path in
            guard let type = path["type"]?.string,
                let violation = Support.fieldMatchesType(
                    path, type: type, expected: "ReplaceRegexMatch", field: "replaceRegexMatch",
                    message: "If HTTPPathModifier type is ReplaceRegexMatch, replaceRegexMatch field needs to be set.")
            else { return [] }
            return [violation]
        },
    ]
}

// MARK: - EnvoyExtensionPolicy

extension EnvoyGatewayRules {
    static let envoyExtensionPolicy: [SchemaRule] = [
        SchemaRule("EnvoyExtensionPolicy.targets") { spec in
            Support.targetViolations(spec, routeAndGatewayTargets)
        },
        SchemaRule("EnvoyExtensionPolicy.extProcFailOpen") { extProc in
            let fullDuplex = ["request", "response"].contains {
                extProc["processingMode"]?[$0]?["body"]?.string == "FullDuplexStreamed"
            }
            guard extProc["failOpen"]?.bool == true, fullDuplex else { return [] }
            return [RuleViolation("If FullDuplexStreamed body processing mode is used, FailOpen must be false.")]
        },
        SchemaRule("EnvoyExtensionPolicy.writableNamespaces") { namespaces in
            guard (namespaces.items ?? []).contains(where: { $0.string?.hasPrefix("envoy.filters.http") ?? false }) else {
                return []
            }
            return [RuleViolation("writableNamespaces cannot contain well-known Envoy HTTP filter namespaces")]
        },
        SchemaRule("EnvoyExtensionPolicy.luaValueRef") { reference in
            guard let kind = reference["kind"]?.string, let group = reference["group"]?.string else { return [] }
            guard kind != "ConfigMap" || (group != "v1" && group != "") else { return [] }
            return [RuleViolation("Only a reference to an object of kind ConfigMap belonging to default v1 API group is supported.")]
        },
        SchemaRule("EnvoyExtensionPolicy.wasmCode") { code in
            guard let type = code["type"]?.string else { return [] }
            return [
                Support.fieldMatchesType(
                    code, type: type, expected: "HTTP", field: "http", message: "If type is HTTP, http field needs to be set."),
                Support.fieldMatchesType(
                    code, type: type, expected: "Image", field: "image", message: "If type is Image, image field needs to be set."),
            ].compactMap { $0 }
        },
        // `kind` defaults to Secret.
        SchemaRule("EnvoyExtensionPolicy.pullSecretRef") { reference in
            guard reference.string(at: "kind", default: "Secret") != "Secret" else { return [] }
            return [RuleViolation("only support Secret kind.")]
        },
    ]
}
