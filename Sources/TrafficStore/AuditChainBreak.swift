/// Where and how the audit chain stops being consistent.
public struct AuditChainBreak: Sendable, Equatable {
    /// Why the event at `seq` is reported.
    public enum Reason: String, Sendable, Equatable {
        /// No event has this sequence number although later ones exist: it was deleted.
        case missing
        /// The stored hash does not match the event's fields: the event was edited.
        case hashMismatch
        /// The event's hash matches its fields but not the hash the next event recorded as its
        /// predecessor: the event was edited and its hash recomputed.
        case rewritten
        /// The first event does not start from the genesis hash.
        case brokenGenesis
    }

    /// The first sequence number that is not as it was written.
    public var seq: Int64
    /// What is wrong with it.
    public var reason: Reason

    /// Creates a break.
    public init(seq: Int64, reason: Reason) {
        self.seq = seq
        self.reason = reason
    }
}
