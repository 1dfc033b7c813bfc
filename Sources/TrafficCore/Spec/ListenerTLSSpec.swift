/// TLS termination on an HTTPS listener: the Secret that holds the certificate, and optionally
/// a cert-manager Certificate that creates that Secret.
public struct ListenerTLSSpec: Sendable, Equatable, Codable {
    public var secret: String
    public var certificate: CertificateSpec?
}
