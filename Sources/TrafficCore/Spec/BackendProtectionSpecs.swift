/// Limits on connections and requests towards the backends (Envoy circuit breaking).
public struct CircuitBreakerSpec: Sendable, Equatable, Codable {
    public var maxConnections: Int?
    public var maxPendingRequests: Int?
    public var maxParallelRequests: Int?
    public var maxParallelRetries: Int?
    public var maxRequestsPerConnection: Int?
}

/// Automatic retries of failed requests.
public struct RetrySpec: Sendable, Equatable, Codable {
    public var attempts: Int?
    public var perTryTimeout: String?
    public var backoff: BackoffSpec?
    /// Envoy retry triggers (`5xx`, `reset`, `connect-failure`, …).
    public var on: [String]?
    /// Status codes to retry; adds the `retriable-status-codes` trigger.
    public var statusCodes: [Int]?
}

public struct BackoffSpec: Sendable, Equatable, Codable {
    public var base: String
    public var max: String?
}

/// Active probes and passive outlier detection.
public struct HealthCheckSpec: Sendable, Equatable, Codable {
    public var active: ActiveHealthCheckSpec?
    public var passive: PassiveHealthCheckSpec?
}

public struct ActiveHealthCheckSpec: Sendable, Equatable, Codable {
    /// `HTTP` (default) or `TCP`.
    public var type: String?
    public var path: String?
    public var expectedStatuses: [Int]?
    public var interval: String?
    public var timeout: String?
    public var healthyThreshold: Int?
    public var unhealthyThreshold: Int?
}

public struct PassiveHealthCheckSpec: Sendable, Equatable, Codable {
    public var consecutive5xxErrors: Int?
    public var consecutiveGatewayErrors: Int?
    public var interval: String?
    public var baseEjectionTime: String?
    public var maxEjectionPercent: Int?
}

/// How requests are spread over a Service's endpoints.
public struct LoadBalancerSpec: Sendable, Equatable, Codable {
    /// `RoundRobin`, `LeastRequest`, `Random` or `ConsistentHash`.
    public var type: String
    /// ConsistentHash only: hash on this header; without it, on the client IP.
    public var hashHeader: String?
    /// RoundRobin and LeastRequest only: ramp new endpoints up over this window.
    public var slowStartWindow: String?
}

/// Timeouts between Envoy and the backends.
public struct BackendTimeoutsSpec: Sendable, Equatable, Codable {
    public var connect: String?
    public var request: String?
    public var idle: String?
}
