/// Horizontal scaling of the Deployment behind the routes.
public struct AutoscalingSpec: Sendable, Equatable, Codable {
    /// `keda` (default; renders a ScaledObject) or `hpa` (an autoscaling/v2 HorizontalPodAutoscaler).
    public var engine: String?
    public var deployment: String
    public var replicas: ReplicaRangeSpec
    public var prometheus: PrometheusTriggerSpec?
    public var cpu: CPUTriggerSpec?
    public var pollingInterval: Int?
    public var cooldownPeriod: Int?
    /// Allow 0 replicas when idle (KEDA with a Prometheus trigger only).
    public var scaleToZero: Bool?
}

public struct ReplicaRangeSpec: Sendable, Equatable, Codable {
    public var min: Int?
    public var max: Int
}

public struct PrometheusTriggerSpec: Sendable, Equatable, Codable {
    public var serverAddress: String
    public var query: String
    public var threshold: Double
    public var activationThreshold: Double?
}

public struct CPUTriggerSpec: Sendable, Equatable, Codable {
    /// Target average CPU utilization in percent of the requests.
    public var utilization: Int
}
