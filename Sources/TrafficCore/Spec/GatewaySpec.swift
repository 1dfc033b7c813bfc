/// The Gateway the spec's routes attach to.
public struct GatewaySpec: Sendable, Equatable, Codable {
    public var className: String?
    public var listeners: [ListenerSpec]
}
