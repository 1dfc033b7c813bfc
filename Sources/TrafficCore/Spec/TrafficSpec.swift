/// A decoded, validated traffic spec (format `trafficspec/v1`).
///
/// Optional fields stay optional here (nil = "not said"), so that encoding the model gives back
/// exactly what the user wrote; the renderer applies the documented defaults. Build one with
/// `TrafficSpecDecoder.decode`, which guarantees that every value is in range and consistent.
public struct TrafficSpec: Sendable, Equatable, Codable {
    /// The only format version this build reads.
    public static let currentVersion = "trafficspec/v1"
    public static let supportedVersions = [currentVersion]

    public var version: String
    public var name: String
    public var namespace: String?
    public var createNamespace: Bool?
    public var names: NameOverrides?
    public var gateway: GatewaySpec
    public var hostnames: [String]?
    public var routes: [RouteSpec]?
    public var rateLimit: RateLimitSpec?
    public var circuitBreaker: CircuitBreakerSpec?
    public var retry: RetrySpec?
    public var healthCheck: HealthCheckSpec?
    public var loadBalancer: LoadBalancerSpec?
    public var backendTimeouts: BackendTimeoutsSpec?
    public var client: ClientSpec?
    public var jwt: JWTSpec?
    public var cors: CORSSpec?
    public var ipAccess: IPAccessSpec?
    public var autoscaling: AutoscalingSpec?
    public var llm: LLMSpec?

    /// The namespace every namespaced object is rendered into.
    public var effectiveNamespace: String { namespace ?? "default" }
}
