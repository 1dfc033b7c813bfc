/// The `trafficspec/v1` format, field by field. Every field name here must match a property of
/// the model (`TrafficSpec` and its parts); the round-trip tests check that nothing is lost.
enum SpecV1Schema {
    typealias P = SchemaProperty

    static let dnsLabel = SchemaType.string(.format(.dnsLabel))
    static let subdomain = SchemaType.string(.format(.dnsSubdomain))
    static let duration = SchemaType.string(.format(.duration))
    static let headerName = SchemaType.string(.format(.headerName))
    static let hostname = SchemaType.string(.format(.hostname))
    static let port = SchemaType.integer(min: 1, max: 65535)
    static let uint32 = SchemaType.integer(min: 0, max: 4_294_967_295)
    static let per = SchemaType.string(.oneOf(["second", "minute", "hour", "day"]))
    static let statusCode = SchemaType.integer(min: 100, max: 599)

    static let root = SchemaType.object([
        .req("version", .string(.format(.version)), "Format version; this build reads `trafficspec/v1`."),
        .req("name", dnsLabel, "Name of the service; generated objects are named after it."),
        .opt("namespace", dnsLabel, default: "default", "Namespace of every generated object."),
        .opt("createNamespace", .boolean, default: false, "Also render the Namespace object."),
        .opt("names", names, "Overrides for the names of generated objects."),
        .req("gateway", gateway, "The Gateway and its listeners."),
        .opt("hostnames", .array(hostname, maxItems: 16), "Host names the routes answer to (all when absent)."),
        .opt("routes", .array(route, maxItems: 16), "HTTP routing rules, in order."),
        .opt("rateLimit", rateLimit, "Request rate limits."),
        .opt("circuitBreaker", circuitBreaker, "Connection and request limits towards the backends."),
        .opt("retry", retry, "Retries of failed requests."),
        .opt("healthCheck", healthCheck, "Active and passive health checks of the backends."),
        .opt("loadBalancer", loadBalancer, "Load-balancing algorithm."),
        .opt("backendTimeouts", backendTimeouts, "Timeouts between Envoy and the backends."),
        .opt("client", client, "Timeouts and limits between clients and Envoy."),
        .opt("jwt", jwt, "JWT authentication."),
        .opt("cors", cors, "Cross-origin resource sharing."),
        .opt("ipAccess", ipAccess, "Client IP allow and deny lists."),
        .opt("autoscaling", autoscaling, "Horizontal scaling with KEDA or an HPA."),
        .opt("llm", llm, "LLM routes through Envoy AI Gateway."),
    ])

    static let names = SchemaType.object(
        ["gateway", "httpRoute", "redirectRoute", "backendTrafficPolicy", "clientTrafficPolicy", "securityPolicy",
            "autoscaler", "issuer", "referenceGrant", "aiGatewayRoute"]
            .map { P.opt($0, subdomain, "Name of the generated \($0) object.") })

    static let gateway = SchemaType.object([
        .opt("className", subdomain, default: "eg", "GatewayClass of the Gateway."),
        .req("listeners", .array(listener, minItems: 1, maxItems: 64), "Listeners (ports) of the Gateway."),
    ])

    static let listener = SchemaType.object([
        .req("name", subdomain, "Listener name, unique in the Gateway (e.g. `http`, `https`)."),
        .req("protocol", .string(.oneOf(["HTTP", "HTTPS"])), "`HTTP` or `HTTPS` (TLS terminated at the Gateway)."),
        .req("port", port, "Port number."),
        .opt("hostname", hostname, "Only accept requests for this host name."),
        .opt("allowedRoutes", .string(.oneOf(["Same", "All", "Selector"])), default: "Same",
            "Namespaces whose routes may attach: `Same`, `All` or `Selector`."),
        .opt("allowedNamespaceLabels", .object([], additional: .string(.any(maxLength: 63))),
            "With `allowedRoutes: Selector`: labels the namespaces must carry."),
        .opt("tls", listenerTLS, "HTTPS only: the certificate."),
        .opt("redirectToHTTPS", .boolean, default: false, "HTTP only: answer every request with a 301 to https."),
    ])

    static let listenerTLS = SchemaType.object([
        .req("secret", subdomain, "Secret of type kubernetes.io/tls holding the certificate and key."),
        .opt("certificate", certificate, "Have cert-manager create the Secret."),
    ])

    static let certificate = SchemaType.object([
        .req("dnsNames", .array(.string(.any(maxLength: 253)), minItems: 1), "Names in the certificate, e.g. `localhost`."),
        .opt("issuer", .object([
            .req("name", subdomain, "Issuer name."),
            .opt("kind", .string(.oneOf(["Issuer", "ClusterIssuer"])), default: "Issuer", "`Issuer` or `ClusterIssuer`."),
        ]), "An existing issuer; when absent a self-signed Issuer is rendered."),
    ])

    static let match = SchemaType.object([
        .req("name", headerName, "Header or query parameter name."),
        .req("value", .string(.any(maxLength: 1024)), "Value; literal for `Exact` (`*` is the character `*`)."),
        .opt("type", .string(.oneOf(["Exact", "RegularExpression"])), default: "Exact", "`Exact` or `RegularExpression`."),
    ])

    static let route = SchemaType.object([
        .req("name", dnsLabel, "Rule name, unique among routes."),
        .opt("pathPrefix", .string(.format(.httpPath)), default: "/", "Match paths under this prefix."),
        .opt("path", .string(.format(.httpPath)), "Match exactly this path."),
        .opt("pathRegex", .string(.format(.regex)), "Match paths by regular expression."),
        .opt("headers", .array(match, maxItems: 16), "Header matches (all must match)."),
        .opt("queryParams", .array(match, maxItems: 16), "Query parameter matches (all must match)."),
        .opt("method", .string(.oneOf(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"])),
            "Match only this HTTP method."),
        .req("backends", .array(backend, minItems: 1, maxItems: 16), "Services receiving the traffic."),
        .opt("timeouts", .object([
            .opt("request", duration, "Whole request, client to response."),
            .opt("backendRequest", duration, "One attempt to a backend; at most `request`."),
        ]), "Route timeouts."),
        .opt("rewrite", .object([
            .opt("pathPrefix", .string(.format(.httpPath)), "Replace the matched prefix with this one."),
            .opt("fullPath", .string(.format(.httpPath)), "Replace the whole path."),
            .opt("hostname", hostname, "Replace the Host header."),
        ]), "Rewrite the URL before forwarding."),
    ])

    static let backend = SchemaType.object([
        .req("service", subdomain, "Service name."),
        .req("port", port, "Service port."),
        .opt("weight", .integer(min: 0, max: 1_000_000), default: 1, "Relative share of traffic (canaries)."),
        .opt("namespace", dnsLabel, "Namespace of the Service when not the spec's; a ReferenceGrant is rendered."),
    ])

    static let limit = SchemaType.object([
        .req("requests", .integer(min: 1, max: 4_294_967_295), "Requests allowed per unit."),
        .req("per", per, "`second`, `minute`, `hour` or `day`."),
    ])

    static let rateLimit = SchemaType.object([
        .opt("mode", .string(.oneOf(["local", "global"])), default: "local",
            "`local` (per Envoy replica, no Redis) or `global` (needs Envoy Gateway's rate-limit service)."),
        .opt("perUser", .object([
            .opt("header", headerName, "Header identifying the user, e.g. `x-user-id`."),
            .opt("claim", .string(.any(maxLength: 253)), "JWT claim identifying the user, e.g. `sub` (needs `jwt`)."),
            .req("requests", .integer(min: 1, max: 4_294_967_295), "Requests allowed per unit and user."),
            .req("per", per, "`second`, `minute`, `hour` or `day`."),
        ]), "One bucket per user."),
        .opt("anonymous", limit, "Requests without the user header (one shared bucket)."),
        .opt("perClientIP", limit, "One bucket per client IP address."),
        .opt("total", limit, "One bucket for all requests."),
    ])

    static let circuitBreaker = SchemaType.object([
        .opt("maxConnections", uint32, default: 1024, "Connections to the backend."),
        .opt("maxPendingRequests", uint32, default: 1024, "Requests waiting for a connection."),
        .opt("maxParallelRequests", uint32, default: 1024, "Requests in flight."),
        .opt("maxParallelRetries", uint32, default: 1024, "Retries in flight."),
        .opt("maxRequestsPerConnection", uint32, "Requests per connection before it is closed (unlimited when absent)."),
    ])

    static let retryTriggers = [
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    ]

    static let retry = SchemaType.object([
        .opt("attempts", .integer(min: 0, max: 100), default: 2, "Retries after the first attempt."),
        .opt("perTryTimeout", duration, "Timeout of each attempt."),
        .opt("backoff", .object([
            .req("base", duration, "First back-off interval."),
            .opt("max", duration, "Longest back-off interval (default 10 × base)."),
        ]), "Back-off between attempts."),
        .opt("on", .array(.string(.oneOf(retryTriggers)), minItems: 1), "Conditions that trigger a retry."),
        .opt("statusCodes", .array(statusCode, minItems: 1), "Status codes to retry (adds `retriable-status-codes`)."),
    ])

    static let healthCheck = SchemaType.object([
        .opt("active", .object([
            .opt("type", .string(.oneOf(["HTTP", "TCP"])), default: "HTTP", "`HTTP` or `TCP` probes."),
            .opt("path", .string(.format(.httpPath)), "HTTP: path to probe (required for HTTP)."),
            .opt("expectedStatuses", .array(statusCode, minItems: 1), default: [200], "HTTP: healthy status codes."),
            .opt("interval", duration, default: "3s", "Time between probes."),
            .opt("timeout", duration, default: "1s", "Probe timeout."),
            .opt("healthyThreshold", .integer(min: 1, max: 4_294_967_295), default: 1, "Successes to become healthy."),
            .opt("unhealthyThreshold", .integer(min: 1, max: 4_294_967_295), default: 3, "Failures to become unhealthy."),
        ]), "Probes sent by Envoy."),
        .opt("passive", .object([
            .opt("consecutive5xxErrors", uint32, default: 5, "5xx responses in a row before ejection."),
            .opt("consecutiveGatewayErrors", uint32, "502/503/504 in a row before ejection."),
            .opt("interval", duration, default: "3s", "Time between ejection sweeps."),
            .opt("baseEjectionTime", duration, default: "30s", "Base ejection duration."),
            .opt("maxEjectionPercent", .integer(min: 0, max: 100), default: 10, "Most endpoints ejected at once, in percent."),
        ]), "Outlier detection on real traffic."),
    ])

    static let loadBalancer = SchemaType.object([
        .req("type", .string(.oneOf(["RoundRobin", "LeastRequest", "Random", "ConsistentHash"])), "Algorithm."),
        .opt("hashHeader", headerName, "ConsistentHash: hash on this header (client IP when absent)."),
        .opt("slowStartWindow", duration, "RoundRobin/LeastRequest: ramp-up window for new endpoints."),
    ])

    static let backendTimeouts = SchemaType.object([
        .opt("connect", duration, "TCP connect timeout."),
        .opt("request", duration, "HTTP request timeout towards the backend."),
        .opt("idle", duration, "Idle timeout of backend connections."),
    ])

    static let client = SchemaType.object([
        .opt("requestReceivedTimeout", duration, "Time to receive the whole request from the client."),
        .opt("idleTimeout", duration, "Idle timeout of client connections."),
        .opt("streamIdleTimeout", duration, "Idle timeout of one HTTP stream."),
        .opt("connectionLimit", .integer(min: 1, max: 4_294_967_295), "Concurrent client connections per listener."),
        .opt("bufferLimit", .string(.format(.quantity)), "Per-connection buffer, e.g. `32Ki`."),
        .opt("trustedProxyHops", .integer(min: 1, max: 32), "Trusted proxies in X-Forwarded-For (client IP detection)."),
    ])

    static let jwt = SchemaType.object([
        .opt("optional", .boolean, default: false, "Let requests without a token through."),
        .req("providers", .array(.object([
            .req("name", .string(.any(maxLength: 253)), "Provider name."),
            .opt("issuer", .string(.any(maxLength: 253)), "Expected `iss` claim."),
            .opt("audiences", .array(.string(.any()), maxItems: 8), "Accepted `aud` values."),
            .req("jwksURI", .string(.format(.url)), "URL of the JSON Web Key Set."),
            .opt("claimToHeaders", .array(.object([
                .req("claim", .string(.any(maxLength: 253)), "Claim name."),
                .req("header", headerName, "Header to copy it to."),
            ])), "Copy claims into request headers."),
        ]), minItems: 1, maxItems: 4), "Token issuers."),
    ])

    static let cors = SchemaType.object([
        .req("allowOrigins", .array(.string(.format(.corsOrigin)), minItems: 1), "Allowed origins."),
        .opt("allowMethods", .array(.string(.any())), "Allowed methods."),
        .opt("allowHeaders", .array(.string(.any())), "Allowed request headers."),
        .opt("exposeHeaders", .array(.string(.any())), "Response headers exposed to scripts."),
        .opt("maxAge", duration, "How long browsers may cache the preflight answer."),
        .opt("allowCredentials", .boolean, default: false, "Allow credentials."),
    ])

    static let ipAccess = SchemaType.object([
        .opt("allow", .array(.string(.format(.cidr)), minItems: 1), "Only these client CIDRs are let in."),
        .opt("deny", .array(.string(.format(.cidr)), minItems: 1), "These client CIDRs are refused."),
    ])

    static let autoscaling = SchemaType.object([
        .opt("engine", .string(.oneOf(["keda", "hpa"])), default: "keda", "`keda` (ScaledObject) or `hpa`."),
        .req("deployment", subdomain, "Deployment to scale."),
        .req("replicas", .object([
            .opt("min", .integer(min: 0, max: 2_147_483_647), default: 1, "Fewest replicas (0 needs `scaleToZero`)."),
            .req("max", .integer(min: 1, max: 2_147_483_647), "Most replicas."),
        ]), "Replica range."),
        .opt("prometheus", .object([
            .req("serverAddress", .string(.format(.url)), "Prometheus URL."),
            .req("query", .string(.any()), "PromQL query returning one number."),
            .req("threshold", .number(min: 0), "Target value per replica."),
            .opt("activationThreshold", .number(min: 0), "Value above which scaling from zero starts."),
        ]), "KEDA: scale on a Prometheus query."),
        .opt("cpu", .object([
            .req("utilization", .integer(min: 1, max: 1000), "Target average CPU utilization, in percent."),
        ]), "Scale on CPU utilization."),
        .opt("pollingInterval", .integer(min: 1, max: 2_147_483_647), default: 30, "KEDA: seconds between checks."),
        .opt("cooldownPeriod", .integer(min: 0, max: 2_147_483_647), default: 300, "KEDA: seconds before scaling to zero."),
        .opt("scaleToZero", .boolean, default: false, "KEDA: allow 0 replicas when idle."),
    ])

    static let llm = SchemaType.object([
        .req("providers", .array(.object([
            .req("name", dnsLabel, "Provider name; objects are named `<spec>-<name>`."),
            .req("schema", .string(.oneOf(["OpenAI", "Cohere", "AWSBedrock", "AzureOpenAI", "GCPVertexAI", "GCPAnthropic",
                "Anthropic", "AWSAnthropic"])), "API schema of the provider."),
            .req("hostname", .string(.format(.dnsSubdomain)), "Provider host, e.g. `api.openai.com`."),
            .opt("port", port, default: 443, "Provider port."),
            .opt("priority", .integer(min: 0, max: 2_147_483_647), default: 0, "Failover tier; 0 first."),
            .opt("weight", .integer(min: 0, max: 2_147_483_647), default: 1, "Share within its tier."),
            .opt("modelNameOverride", .string(.any(maxLength: 253)), "Send this model name to the provider."),
            .opt("apiKeySecret", subdomain, "Secret holding the API key (key `apiKey`)."),
        ]), minItems: 1, maxItems: 16), "LLM providers."),
        .opt("models", .array(.string(.any(maxLength: 253)), minItems: 1, maxItems: 32), "Only route these models."),
        .opt("tokenBudget", .object([
            .req("header", headerName, "Header identifying the user."),
            .req("tokens", .integer(min: 1, max: 4_294_967_295), "Tokens per unit and user."),
            .req("per", per, "`second`, `minute`, `hour` or `day`."),
        ]), "Per-user token budget (global rate limit; needs Redis)."),
        .opt("timeout", duration, "Request timeout of LLM calls."),
    ])
}
