/// One Gateway listener (HTTP, or HTTPS terminating TLS).
public struct ListenerSpec: Sendable, Equatable, Codable {
    public var name: String
    public var `protocol`: String
    public var port: Int
    public var hostname: String?
    /// `Same` (default), `All`, or `Selector` (with `allowedNamespaceLabels`).
    public var allowedRoutes: String?
    public var allowedNamespaceLabels: [String: String]?
    public var tls: ListenerTLSSpec?
    /// HTTP listeners only: answer every request with a 301 to https.
    public var redirectToHTTPS: Bool?
}
