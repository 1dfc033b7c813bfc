/// One routing rule: what requests it matches and where they go.
public struct RouteSpec: Sendable, Equatable, Codable {
    public var name: String
    /// At most one of `pathPrefix`, `path` (exact) and `pathRegex`; none means prefix `/`.
    public var pathPrefix: String?
    public var path: String?
    public var pathRegex: String?
    public var headers: [MatchSpec]?
    public var queryParams: [MatchSpec]?
    public var method: String?
    public var backends: [BackendSpec]
    public var timeouts: RouteTimeoutsSpec?
    public var rewrite: RewriteSpec?
}

/// A header or query-parameter match. `value` is literal for `Exact` (so `*` means the text `*`).
public struct MatchSpec: Sendable, Equatable, Codable {
    public var name: String
    public var value: String
    /// `Exact` (default) or `RegularExpression`.
    public var type: String?
}

/// A Service that receives a share of a route's traffic.
public struct BackendSpec: Sendable, Equatable, Codable {
    public var service: String
    public var port: Int
    public var weight: Int?
    /// Another namespace; a ReferenceGrant is rendered there.
    public var namespace: String?
}

public struct RouteTimeoutsSpec: Sendable, Equatable, Codable {
    public var request: String?
    public var backendRequest: String?
}

/// A URL rewrite before forwarding: the matched prefix, or the whole path, and/or the Host.
public struct RewriteSpec: Sendable, Equatable, Codable {
    public var pathPrefix: String?
    public var fullPath: String?
    public var hostname: String?
}
