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

    /// Audit events matching `filter`, by ascending seq, at most `limit`, after seq `after`.
    ///
    /// Every filter is an indexed condition (see migration 0002); `since` is inclusive and `until`
    /// exclusive, compared as stored text, which orders like time because it is fixed-width UTC.
    public func auditEvents(matching filter: AuditFilter = .all, limit: Int, after: Int64?) throws(StoreError) -> Page<AuditEvent> {
        guard limit >= 1 else { throw .invalidPageLimit(limit) }
        var conditions = ["seq > ?"]
        var values: [SQLiteValue] = [.integer(after ?? 0)]
        func require(_ condition: String, _ value: String?) {
            guard let value else { return }
            conditions.append(condition)
            values.append(.text(value))
        }
        require("subject = ?", filter.spec)
        // The same expression as the index audit_events_by_environment, so SQLite can use it.
        require("json_extract(details, '$.environment') = ?", filter.environment)
        require("actor = ?", filter.actor)
        require("action = ?", filter.action)
        require("occurred_at >= ?", filter.since.map(Timestamp.format))
        require("occurred_at < ?", filter.until.map(Timestamp.format))
        values.append(.int(limit + 1))
        // At most 2^6 distinct texts, so the connection's statement cache stays small.
        let sql = Self.auditSelect + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY seq LIMIT ?"
        return try read { connection in
            let rows = try connection.query(sql, values)
            let items = try rows.prefix(limit).map(Self.auditEvent)
            return Page(items: items, nextCursor: rows.count > limit ? items.last.map { String($0.seq) } : nil)
        }
    }

    /// The last event of the chain, or `nil` while the log is empty. Publishing it elsewhere
    /// anchors the history: a rewrite of the database cannot reproduce a head seen before.
    public func auditHead() throws(StoreError) -> AuditHead? {
        try read { connection in
            try connection.queryOne("SELECT seq, hash, occurred_at FROM audit_events ORDER BY seq DESC LIMIT 1")
                .map { (row) throws(SQLiteError) in
                    AuditHead(seq: try row.int64(0), hash: try row.string(1), occurredAt: try row.string(2))
                }
        }
    }

    /// The seq of the first event that breaks the chain (see `auditChainVerification()`), or
    /// `nil` if the chain is intact.
    public func verifyAuditChain() throws(StoreError) -> Int64? {
        try auditChainVerification().firstBreak?.seq
    }

    /// Walks the whole audit log in one snapshot and reports the first event that is not as it
    /// was written:
    /// - a gap in seq: the first missing seq (`.missing`), since events are numbered 1, 2, 3…;
    /// - an event whose stored hash does not match its fields (`.hashMismatch`);
    /// - an event whose hash matches its fields but differs from the `prev_hash` the next event
    ///   recorded (`.rewritten`): the next event's own hash covers that `prev_hash`, so it is
    ///   the earlier event that changed, together with its hash;
    /// - a first event that does not link to the genesis hash (`.brokenGenesis`).
    ///
    /// The rule is the same for every action, so new kinds of event need nothing here. What
    /// this cannot see is the newest events deleted, or the whole chain recomputed: only a copy
    /// of `auditHead()` kept elsewhere reveals those.
    public func auditChainVerification() throws(StoreError) -> AuditVerification {
        try read { connection in
            var eventCount: Int64 = 0
            var expectedSeq: Int64 = 1
            var previousHash = AuditEvent.genesisHash
            var head: AuditHead?
            var firstBreak: AuditChainBreak?
            try connection.forEachRow(Self.auditSelect + " ORDER BY seq") { row in
                eventCount += 1
                guard firstBreak == nil else {
                    // Past a break only the count and the head are still wanted.
                    head = AuditHead(seq: try row.int64(0), hash: try row.string(7), occurredAt: try row.string(1))
                    return
                }
                let event = try Self.auditEvent(row)
                head = AuditHead(seq: event.seq, hash: event.hash, occurredAt: event.occurredAt)
                if event.seq != expectedSeq {
                    firstBreak = AuditChainBreak(seq: expectedSeq, reason: .missing)
                } else if !event.hasValidHash {
                    firstBreak = AuditChainBreak(seq: event.seq, reason: .hashMismatch)
                } else if event.prevHash != previousHash {
                    firstBreak = event.seq == 1
                        ? AuditChainBreak(seq: 1, reason: .brokenGenesis)
                        : AuditChainBreak(seq: event.seq - 1, reason: .rewritten)
                }
                expectedSeq += 1
                previousHash = event.hash
            }
            return AuditVerification(eventCount: eventCount, head: head, firstBreak: firstBreak)
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
