import SQLiteDB

extension SpecStore {
    /// Appends the next audit event inside the caller's write transaction: seq = last + 1 and
    /// prev_hash = last hash (or the genesis hash), so the chain has no gaps or forks. The writer
    /// lock and BEGIN IMMEDIATE make "read last, insert next" atomic.
    func appendAuditEvent(
        action: String, actor: String, subject: String, occurredAt: String,
        details: String, on connection: SQLiteConnection
    ) throws {
        let last = try connection.queryOne("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        let event = AuditEvent(
            seq: (try last?.int64(0) ?? 0) + 1, occurredAt: occurredAt, actor: actor, action: action,
            subject: subject, details: details, prevHash: try last?.string(1) ?? AuditEvent.genesisHash
        )
        try connection.execute(
            """
            INSERT INTO audit_events (seq, occurred_at, actor, action, subject, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(event.seq), .text(event.occurredAt), .text(event.actor), .text(event.action),
                .text(event.subject), .text(event.details), .text(event.prevHash), .text(event.hash),
            ]
        )
    }

    static let auditSelect = """
        SELECT seq, occurred_at, actor, action, subject, details, prev_hash, hash FROM audit_events
        """

    /// Audit events by ascending seq, at most `limit`, after seq `after`.
    public func auditEvents(limit: Int, after: Int64?) throws(StoreError) -> Page<AuditEvent> {
        guard limit >= 1 else { throw .invalidPageLimit(limit) }
        return try read { connection in
            let rows = try connection.query(
                Self.auditSelect + " WHERE seq > ? ORDER BY seq LIMIT ?", [.integer(after ?? 0), .int(limit + 1)]
            )
            let items = try rows.prefix(limit).map(Self.auditEvent)
            return Page(items: items, nextCursor: rows.count > limit ? items.last.map { String($0.seq) } : nil)
        }
    }

    /// Walks the whole audit log in one snapshot and returns the seq of the first event that breaks
    /// the chain (seq not previous + 1, prev_hash not the previous hash, or hash not matching its
    /// fields), or `nil` if the chain is intact.
    public func verifyAuditChain() throws(StoreError) -> Int64? {
        try read { connection in
            var expectedSeq: Int64 = 1
            var previousHash = AuditEvent.genesisHash
            var firstBad: Int64?
            try connection.forEachRow(Self.auditSelect + " ORDER BY seq") { row in
                guard firstBad == nil else { return }
                let event = try Self.auditEvent(row)
                if event.seq != expectedSeq || event.prevHash != previousHash || !event.hasValidHash {
                    firstBad = event.seq
                    return
                }
                expectedSeq += 1
                previousHash = event.hash
            }
            return firstBad
        }
    }

    static func auditEvent(_ row: SQLiteRow) throws(SQLiteError) -> AuditEvent {
        AuditEvent(
            seq: try row.int64(0), occurredAt: try row.string(1), actor: try row.string(2),
            action: try row.string(3), subject: try row.string(4), details: try row.string(5),
            prevHash: try row.string(6), hash: try row.string(7)
        )
    }
}
