/// JWT authentication with remote JWKS.
public struct JWTSpec: Sendable, Equatable, Codable {
    /// Let requests without a token through (a present but invalid token is still rejected).
    public var optional: Bool?
    public var providers: [JWTProviderSpec]
}

public struct JWTProviderSpec: Sendable, Equatable, Codable {
    public var name: String
    public var issuer: String?
    public var audiences: [String]?
    public var jwksURI: String
    public var claimToHeaders: [ClaimToHeaderSpec]?
}

public struct ClaimToHeaderSpec: Sendable, Equatable, Codable {
    public var claim: String
    public var header: String
}

/// Cross-origin resource sharing.
public struct CORSSpec: Sendable, Equatable, Codable {
    public var allowOrigins: [String]
    public var allowMethods: [String]?
    public var allowHeaders: [String]?
    public var exposeHeaders: [String]?
    public var maxAge: String?
    public var allowCredentials: Bool?
}

/// Client IP allow and deny lists. With an allow list, everything else is denied.
public struct IPAccessSpec: Sendable, Equatable, Codable {
    public var allow: [String]?
    public var deny: [String]?
}
