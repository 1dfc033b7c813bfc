/// The outcome of `SpecStore.appendRevision`.
public struct AppendResult: Sendable, Equatable {
    /// The new revision, or the existing latest one when the content was identical.
    public var revision: RevisionRecord
    /// `false` when nothing was written because the content equals the latest revision.
    public var created: Bool

    /// Creates a result.
    public init(revision: RevisionRecord, created: Bool) {
        self.revision = revision
        self.created = created
    }
}
