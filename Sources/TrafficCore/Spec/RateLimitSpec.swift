/// Request rate limits, local to each Envoy (default) or global through the rate-limit service.
public struct RateLimitSpec: Sendable, Equatable, Codable {
    /// `local` (default) or `global`.
    public var mode: String?
    /// One bucket per distinct value of a header, or of a JWT claim.
    public var perUser: PerUserLimitSpec?
    /// Requests that carry no user header at all.
    public var anonymous: LimitSpec?
    /// One bucket per client IP address.
    public var perClientIP: LimitSpec?
    /// One bucket for all traffic.
    public var total: LimitSpec?
}

public struct LimitSpec: Sendable, Equatable, Codable {
    public var requests: Int
    /// `second`, `minute`, `hour` or `day`.
    public var per: String
}

public struct PerUserLimitSpec: Sendable, Equatable, Codable {
    /// Exactly one of `header` and `claim`.
    public var header: String?
    public var claim: String?
    public var requests: Int
    public var per: String
}
