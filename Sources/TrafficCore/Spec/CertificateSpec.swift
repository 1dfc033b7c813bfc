/// A cert-manager Certificate that writes the listener's Secret. Without `issuer`, a
/// self-signed Issuer is rendered next to it.
public struct CertificateSpec: Sendable, Equatable, Codable {
    public var dnsNames: [String]
    public var issuer: IssuerRefSpec?
}

/// An existing cert-manager issuer.
public struct IssuerRefSpec: Sendable, Equatable, Codable {
    public var name: String
    /// `Issuer` (default) or `ClusterIssuer`.
    public var kind: String?
}
