import Foundation

/// A spec and facts about its latest revision.
public struct SpecSummary: Sendable, Equatable {
    /// The spec name.
    public var name: String
    /// When revision 1 was stored.
    public var createdAt: Date
    /// Who created the spec.
    public var createdBy: String
    /// When the latest revision was stored.
    public var updatedAt: Date
    /// The latest revision number.
    public var latestRevision: Int
    /// The latest revision's digest.
    public var latestDigest: String
    /// How many revisions exist (revisions are never deleted, so equal to `latestRevision`).
    public var revisionCount: Int

    /// Creates a summary.
    public init(
        name: String, createdAt: Date, createdBy: String, updatedAt: Date,
        latestRevision: Int, latestDigest: String, revisionCount: Int
    ) {
        self.name = name
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.latestRevision = latestRevision
        self.latestDigest = latestDigest
        self.revisionCount = revisionCount
    }
}
