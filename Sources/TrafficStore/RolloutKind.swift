/// Whether a rollout moved an environment forward or back.
public enum RolloutKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// A revision chosen by the caller.
    case rollout
    /// A return to an earlier revision (by default the one before the current one); recorded as a
    /// new entry, never by removing history.
    case rollback
}
