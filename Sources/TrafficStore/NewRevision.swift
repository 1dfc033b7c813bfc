/// A validated document to store as a revision. The store does not parse or hash it: the core
/// computed `canonical` and `digest`, and the store keeps them as given.
public struct NewRevision: Sendable, Equatable {
    /// The spec name (a DNS-1123 label; the schema enforces it too).
    public var name: String
    /// The format of `source`.
    public var format: DocumentFormat
    /// The document exactly as posted.
    public var source: String
    /// Canonical JSON of the document.
    public var canonical: String
    /// Lowercase hex SHA-256 of `canonical` (64 characters).
    public var digest: String

    /// Creates a new revision value.
    public init(name: String, format: DocumentFormat, source: String, canonical: String, digest: String) {
        self.name = name
        self.format = format
        self.source = source
        self.canonical = canonical
        self.digest = digest
    }
}
