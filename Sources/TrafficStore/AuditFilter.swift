import Foundation

/// Which audit events to list. Every condition given must hold; `nil` means "any".
public struct AuditFilter: Sendable, Equatable {
    /// Events whose subject is this spec (spec.created, revision.created, rollouts, rollbacks).
    public var spec: String?
    /// Events naming this environment (rollouts, rollbacks, environment.created).
    public var environment: String?
    /// Events by this actor.
    public var actor: String?
    /// Events with exactly this action, e.g. `rollout.forced`.
    public var action: String?
    /// Events that occurred at or after this time.
    public var since: Date?
    /// Events that occurred before this time.
    public var until: Date?

    /// No conditions: every event.
    public static let all = AuditFilter()

    /// Creates a filter.
    public init(
        spec: String? = nil, environment: String? = nil, actor: String? = nil, action: String? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.spec = spec
        self.environment = environment
        self.actor = actor
        self.action = action
        self.since = since
        self.until = until
    }
}
