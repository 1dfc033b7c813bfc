/// What an API token may do. The API layer decides which routes each role may call; the store
/// only keeps the role (and the schema refuses any other value).
public enum TokenRole: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Read specs, revisions, rollouts and the audit history.
    case viewer
    /// Write specs and revisions.
    case author
    /// Record rollouts and rollbacks.
    case deployer
    /// Manage tokens.
    case admin
}
