/// Names for generated objects, when the defaults derived from the spec name do not suit.
public struct NameOverrides: Sendable, Equatable, Codable {
    public var gateway: String?
    public var httpRoute: String?
    public var redirectRoute: String?
    public var backendTrafficPolicy: String?
    public var clientTrafficPolicy: String?
    public var securityPolicy: String?
    public var autoscaler: String?
    public var issuer: String?
    public var referenceGrant: String?
    public var aiGatewayRoute: String?
}
