/// Circuit breakers of BackendTrafficPolicies: thresholds at Envoy's default or above protect
/// nothing (TS6001); thresholds that contradict each other or are zero trip in normal
/// operation (TS6002).
public struct CircuitBreakerAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] { [.circuitBreakerDefaults, .circuitBreakerBelowParallelism] }

    /// Envoy's default for every threshold below.
    static let envoyDefault: Int64 = 1024
    static let thresholds = ["maxConnections", "maxPendingRequests", "maxParallelRequests", "maxParallelRetries"]

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        for policy in bundle.objects(group: APIGroup.envoyGateway, kind: "BackendTrafficPolicy") {
            guard let breaker = policy.node["spec"]?["circuitBreaker"] else { continue }
            let base: [PathToken] = ["spec", "circuitBreaker"]
            for field in Self.thresholds {
                guard let value = breaker[field]?.integer, value >= Self.envoyDefault else { continue }
                let relation = value == Self.envoyDefault ? "equals" : "exceeds"
                findings.append(policy.finding(
                    .circuitBreakerDefaults, at: base + [.key(field)],
                    message: "circuitBreaker.\(field) is \(value), which \(relation) Envoy's default of \(Self.envoyDefault): the breaker trips no earlier than without it"))
            }
            for field in ["maxPendingRequests", "maxParallelRequests"] where breaker[field]?.integer == 0 {
                let effect = field == "maxPendingRequests" ? "no request may wait for a connection" : "no request may be in flight"
                findings.append(policy.finding(
                    .circuitBreakerBelowParallelism, at: base + [.key(field)],
                    message: "circuitBreaker.\(field) is 0: \(effect), so the breaker rejects traffic in normal operation",
                    hint: "Set \(field) to the backend's real capacity, or remove it to keep Envoy's default of \(Self.envoyDefault)."))
            }
            if let retries = breaker["maxParallelRetries"]?.integer {
                let requests = breaker["maxParallelRequests"]?.integer ?? Self.envoyDefault
                if retries > requests {
                    let source = breaker.has("maxParallelRequests") ? "" : " (Envoy's default)"
                    findings.append(policy.finding(
                        .circuitBreakerBelowParallelism, at: base + ["maxParallelRetries"],
                        message: "circuitBreaker.maxParallelRetries (\(retries)) is greater than maxParallelRequests (\(requests)\(source)): retries are requests too, so the retry budget can never be used",
                        hint: "Make maxParallelRetries at most maxParallelRequests."))
                }
            }
        }
    }
}
