/// The BackendTrafficPolicy: rate limits, load balancing, circuit breaking, retries, health
/// checks and backend timeouts, targeting the spec's HTTPRoute. Field names follow the CRD
/// exactly (no `maxRequests`; `retry.perRetry.backOff`; `healthCheck` singular).
struct BackendTrafficPolicyBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    func build() -> Manifest? {
        let sections: [(String, JSONValue?)] = [
            ("rateLimit", spec.rateLimit.map { RateLimitRulesBuilder(spec: spec, rateLimit: $0).build() }),
            ("loadBalancer", spec.loadBalancer.map(loadBalancer)),
            ("circuitBreaker", spec.circuitBreaker.map(circuitBreaker)),
            ("retry", spec.retry.map(retry)),
            ("healthCheck", spec.healthCheck.map(healthCheck)),
            ("timeout", spec.backendTimeouts.map(timeout)?.nonEmpty),
        ]
        guard sections.contains(where: { $0.1 != nil }) else { return nil }
        var members: [(String, JSONValue)] = [("targetRefs", PolicyTarget(spec: spec, names: names).routeOrGateway)]
        members += sections.compactMap { key, value in value.map { (key, $0) } }
        return metadata.namespaced(apiVersion: "gateway.envoyproxy.io/v1alpha1", kind: "BackendTrafficPolicy",
            name: names.backendTrafficPolicy, spec: .object(JSONObject(members)))
    }

    private func loadBalancer(_ spec: LoadBalancerSpec) -> JSONValue {
        let consistentHash: JSONValue? =
            spec.type != "ConsistentHash" ? nil
            : spec.hashHeader.map { object(("type", "Header"), ("header", object(("name", .string($0))))) }
                ?? object(("type", "SourceIP"))
        return object(
            ("type", .string(spec.type)),
            ("consistentHash", consistentHash),
            ("slowStart", spec.slowStartWindow.json { object(("window", .string($0))) })
        )
    }

    private func circuitBreaker(_ spec: CircuitBreakerSpec) -> JSONValue {
        object(
            ("maxConnections", spec.maxConnections.json(JSONValue.int)),
            ("maxPendingRequests", spec.maxPendingRequests.json(JSONValue.int)),
            ("maxParallelRequests", spec.maxParallelRequests.json(JSONValue.int)),
            ("maxParallelRetries", spec.maxParallelRetries.json(JSONValue.int)),
            ("maxRequestsPerConnection", spec.maxRequestsPerConnection.json(JSONValue.int))
        )
    }

    private func retry(_ spec: RetrySpec) -> JSONValue {
        var triggers = spec.on ?? []
        if spec.statusCodes != nil, !triggers.contains("retriable-status-codes") { triggers.append("retriable-status-codes") }
        let perRetry = object(
            ("timeout", spec.perTryTimeout.json { .string($0) }),
            ("backOff", spec.backoff.json { backoff in
                object(("baseInterval", .string(backoff.base)), ("maxInterval", backoff.max.json { .string($0) }))
            })
        ).nonEmpty
        let retryOn = object(
            ("triggers", triggers.isEmpty ? nil : .strings(triggers)),
            ("httpStatusCodes", spec.statusCodes.json { .array($0.map(JSONValue.int)) })
        ).nonEmpty
        return object(
            ("numRetries", .int(spec.attempts ?? 2)),
            ("perRetry", perRetry),
            ("retryOn", retryOn)
        )
    }

    private func healthCheck(_ spec: HealthCheckSpec) -> JSONValue {
        let active = spec.active.json { active in
            let type = active.type ?? "HTTP"
            return object(
                ("type", .string(type)),
                ("http", type == "HTTP" ? object(
                    ("path", .string(active.path ?? "/")),
                    ("expectedStatuses", active.expectedStatuses.json { .array($0.map(JSONValue.int)) })
                ) : nil),
                ("tcp", type == "TCP" ? object() : nil),
                ("interval", active.interval.json { .string($0) }),
                ("timeout", active.timeout.json { .string($0) }),
                ("healthyThreshold", active.healthyThreshold.json(JSONValue.int)),
                ("unhealthyThreshold", active.unhealthyThreshold.json(JSONValue.int))
            )
        }
        let passive = spec.passive.json { passive in
            object(
                ("consecutive5XxErrors", passive.consecutive5xxErrors.json(JSONValue.int)),
                ("consecutiveGatewayErrors", passive.consecutiveGatewayErrors.json(JSONValue.int)),
                ("interval", passive.interval.json { .string($0) }),
                ("baseEjectionTime", passive.baseEjectionTime.json { .string($0) }),
                ("maxEjectionPercent", passive.maxEjectionPercent.json(JSONValue.int))
            )
        }
        return object(("active", active), ("passive", passive))
    }

    private func timeout(_ spec: BackendTimeoutsSpec) -> JSONValue {
        object(
            ("tcp", spec.connect.json { object(("connectTimeout", .string($0))) }),
            ("http", object(
                ("requestTimeout", spec.request.json { .string($0) }),
                ("connectionIdleTimeout", spec.idle.json { .string($0) })
            ).nonEmpty)
        )
    }
}
