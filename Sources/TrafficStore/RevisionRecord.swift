import Foundation

/// A stored revision with its document.
public struct RevisionRecord: Sendable, Equatable {
    /// The spec's name.
    public var specName: String
    /// 1 for the first revision, then +1 for each new content.
    public var number: Int
    /// Lowercase hex SHA-256 of `canonical`.
    public var digest: String
    /// The format `source` was posted in.
    public var format: DocumentFormat
    /// The document exactly as posted.
    public var source: String
    /// Canonical JSON of the document.
    public var canonical: String
    /// When it was stored (millisecond precision).
    public var createdAt: Date
    /// Who stored it.
    public var createdBy: String

    /// Creates a record.
    public init(
        specName: String, number: Int, digest: String, format: DocumentFormat,
        source: String, canonical: String, createdAt: Date, createdBy: String
    ) {
        self.specName = specName
        self.number = number
        self.digest = digest
        self.format = format
        self.source = source
        self.canonical = canonical
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
