/// The last event of the audit chain. Its hash commits to every earlier event, so a copy kept
/// outside the database (a ticket, a log, another system) lets anyone check later that the
/// history up to it was not rewritten.
public struct AuditHead: Sendable, Equatable {
    /// The last sequence number (also the number of events).
    public var seq: Int64
    /// That event's hash.
    public var hash: String
    /// When it occurred, as stored (RFC 3339 UTC with milliseconds).
    public var occurredAt: String

    /// Creates a head.
    public init(seq: Int64, hash: String, occurredAt: String) {
        self.seq = seq
        self.hash = hash
        self.occurredAt = occurredAt
    }
}
