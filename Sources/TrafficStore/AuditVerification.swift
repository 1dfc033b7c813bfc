/// The result of walking the whole audit chain.
public struct AuditVerification: Sendable, Equatable {
    /// How many events were read.
    public var eventCount: Int64
    /// The last event read, or `nil` for an empty log.
    public var head: AuditHead?
    /// The first inconsistency, or `nil` when the chain is intact.
    public var firstBreak: AuditChainBreak?

    /// Creates a result.
    public init(eventCount: Int64, head: AuditHead?, firstBreak: AuditChainBreak?) {
        self.eventCount = eventCount
        self.head = head
        self.firstBreak = firstBreak
    }

    /// `true` when no inconsistency was found. Deleting the newest events leaves a consistent
    /// shorter chain; only a copy of the head kept elsewhere reveals that.
    public var isIntact: Bool {
        firstBreak == nil
    }
}
