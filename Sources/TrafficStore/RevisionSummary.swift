import Foundation

/// A revision without its document, for listings.
public struct RevisionSummary: Sendable, Equatable {
    /// The revision number.
    public var number: Int
    /// Lowercase hex SHA-256 of the canonical document.
    public var digest: String
    /// The format the document was posted in.
    public var format: DocumentFormat
    /// When it was stored.
    public var createdAt: Date
    /// Who stored it.
    public var createdBy: String

    /// Creates a summary.
    public init(number: Int, digest: String, format: DocumentFormat, createdAt: Date, createdBy: String) {
        self.number = number
        self.digest = digest
        self.format = format
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
