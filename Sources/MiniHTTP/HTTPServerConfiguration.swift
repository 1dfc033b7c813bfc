/// Where the server listens and how it bounds clients.
public struct HTTPServerConfiguration: Sendable, Hashable {
    /// Listen address: an IPv4 or IPv6 literal (`127.0.0.1`, `0.0.0.0`, `::1`, `::`) or
    /// `localhost`, which means `127.0.0.1`.
    public var host: String
    /// Listen port; 0 asks the kernel for a free port (read it back via `HTTPServer.localPort`).
    public var port: Int
    /// Request size and time limits.
    public var limits: HTTPLimits
    /// How long `shutdown()` lets in-flight requests finish before force-closing them.
    public var shutdownGracePeriod: Duration

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        limits: HTTPLimits = .init(),
        shutdownGracePeriod: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
