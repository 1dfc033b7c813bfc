/// Settings between clients and Envoy (rendered as a ClientTrafficPolicy on the Gateway).
public struct ClientSpec: Sendable, Equatable, Codable {
    public var requestReceivedTimeout: String?
    public var idleTimeout: String?
    public var streamIdleTimeout: String?
    public var connectionLimit: Int?
    public var bufferLimit: String?
    /// Trust this many proxies in X-Forwarded-For when finding the client IP.
    public var trustedProxyHops: Int?
}
