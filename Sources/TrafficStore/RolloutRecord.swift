import Foundation

/// One recorded rollout or rollback of a spec revision to an environment.
public struct RolloutRecord: Sendable, Equatable {
    /// Assigned by the store, ascending in recording order across all specs and environments.
    public var id: Int64
    /// The spec's name.
    public var spec: String
    /// The revision now running in `environment`.
    public var revision: Int
    /// The environment's name.
    public var environment: String
    /// Rollout or rollback.
    public var kind: RolloutKind
    /// Who recorded it (a token's name).
    public var actor: String
    /// When it was recorded.
    public var createdAt: Date
    /// Why; may be empty unless `forced`.
    public var reason: String
    /// Lowercase hex SHA-256 of the rendered manifests.
    public var manifestsDigest: String
    /// The revision that ran in `environment` before; `nil` for the first rollout there.
    public var replacedRevision: Int?
    /// `true` when the revision's validation errors were overridden.
    public var forced: Bool
    /// The apply command's result; `nil` when no apply command is configured.
    public var apply: ApplyOutcome?

    /// Creates a record.
    public init(
        id: Int64, spec: String, revision: Int, environment: String, kind: RolloutKind, actor: String,
        createdAt: Date, reason: String, manifestsDigest: String, replacedRevision: Int?, forced: Bool,
        apply: ApplyOutcome?
    ) {
        self.id = id
        self.spec = spec
        self.revision = revision
        self.environment = environment
        self.kind = kind
        self.actor = actor
        self.createdAt = createdAt
        self.reason = reason
        self.manifestsDigest = manifestsDigest
        self.replacedRevision = replacedRevision
        self.forced = forced
        self.apply = apply
    }
}
