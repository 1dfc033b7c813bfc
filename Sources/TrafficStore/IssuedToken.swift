/// A newly created token: its record, and the secret that is shown this once and never again
/// (the store keeps only its SHA-256).
public struct IssuedToken: Sendable {
    /// The stored record.
    public var record: TokenRecord
    /// The bearer secret to hand to the caller.
    public var secret: TokenSecret

    /// Creates a value.
    public init(record: TokenRecord, secret: TokenSecret) {
        self.record = record
        self.secret = secret
    }
}
