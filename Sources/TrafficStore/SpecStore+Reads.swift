import SQLiteDB

extension SpecStore {
    /// The revision count is the latest number: numbers run 1, 2, … without gaps and revisions
    /// are never deleted (the schema refuses it). A `count(*)` here cost a scan of every
    /// revision on each read of a spec: 14 ms at 274,000 revisions.
    static let specSummarySelect = """
        SELECT s.name, s.created_at, s.created_by, r.created_at, r.number, r.digest, r.number
        FROM specs AS s
        JOIN revisions AS r
          ON r.spec_id = s.id
         AND r.number = (SELECT max(m.number) FROM revisions AS m WHERE m.spec_id = s.id)
        """

    static let revisionRecordSelect = """
        SELECT s.name, r.number, r.digest, r.format, r.source, r.canonical, r.created_at, r.created_by
        FROM revisions AS r
        JOIN specs AS s ON s.id = r.spec_id
        """

    /// The spec called `name`, or `nil`.
    public func spec(named name: String) throws(StoreError) -> SpecSummary? {
        try read { connection in
            try connection.queryOne(Self.specSummarySelect + " WHERE s.name = ?", [.text(name)]).map(Self.specSummary)
        }
    }

    /// Specs ordered by name, at most `limit`, starting after the name `after` (keyset
    /// pagination: stable while specs are added, and no OFFSET scan).
    public func listSpecs(limit: Int, after: String?) throws(StoreError) -> Page<SpecSummary> {
        guard limit >= 1 else { throw .invalidPageLimit(limit) }
        return try read { connection in
            // One extra row tells whether another page follows. Names are never empty, so ''
            // stands for "from the start".
            let rows = try connection.query(
                Self.specSummarySelect + " WHERE s.name > ? ORDER BY s.name LIMIT ?",
                [.text(after ?? ""), .int(limit + 1)]
            )
            let items = try rows.prefix(limit).map(Self.specSummary)
            return Page(items: items, nextCursor: rows.count > limit ? items.last?.name : nil)
        }
    }

    /// Revisions of spec `name` by ascending number, at most `limit`, after number `after`.
    ///
    /// - Throws: `.specNotFound` if there is no such spec.
    public func listRevisions(of name: String, limit: Int, after: Int?) throws(StoreError) -> Page<RevisionSummary> {
        guard limit >= 1 else { throw .invalidPageLimit(limit) }
        return try read { connection in
            let specID = try Self.specID(name, on: connection)
            let rows = try connection.query(
                """
                SELECT number, digest, format, created_at, created_by FROM revisions
                WHERE spec_id = ? AND number > ? ORDER BY number LIMIT ?
                """,
                [.integer(specID), .int(after ?? 0), .int(limit + 1)]
            )
            let items = try rows.prefix(limit).map { (row) throws(SQLiteError) in
                RevisionSummary(
                    number: try row.int(0), digest: try row.string(1), format: try row.documentFormat(2),
                    createdAt: try row.timestamp(3), createdBy: try row.string(4)
                )
            }
            return Page(items: items, nextCursor: rows.count > limit ? items.last.map { String($0.number) } : nil)
        }
    }

    /// Revision `number` of spec `name`, or `nil` if the spec has no such revision.
    ///
    /// - Throws: `.specNotFound` if there is no such spec (so callers can tell the two apart).
    public func revision(of name: String, number: Int) throws(StoreError) -> RevisionRecord? {
        try read { connection in
            let specID = try Self.specID(name, on: connection)
            return try connection.queryOne(
                Self.revisionRecordSelect + " WHERE r.spec_id = ? AND r.number = ?",
                [.integer(specID), .int(number)]
            ).map(Self.revisionRecord)
        }
    }

    /// The latest revision of spec `name`, or `nil` if there is no such spec.
    public func latestRevision(of name: String) throws(StoreError) -> RevisionRecord? {
        try read { connection in
            try connection.queryOne(
                Self.revisionRecordSelect + " WHERE s.name = ? ORDER BY r.number DESC LIMIT 1",
                [.text(name)]
            ).map(Self.revisionRecord)
        }
    }

    /// The latest revision of the spec with rowid `specID`, read on `connection` (inside the
    /// caller's transaction).
    func latestRevision(specID: Int64, on connection: SQLiteConnection) throws -> RevisionRecord? {
        try connection.queryOne(
            Self.revisionRecordSelect + " WHERE r.spec_id = ? ORDER BY r.number DESC LIMIT 1",
            [.integer(specID)]
        ).map(Self.revisionRecord)
    }

    static func specID(_ name: String, on connection: SQLiteConnection) throws -> Int64 {
        guard let row = try connection.queryOne("SELECT id FROM specs WHERE name = ?", [.text(name)]) else {
            throw StoreError.specNotFound(name: name)
        }
        return try row.int64(0)
    }

    static func specSummary(_ row: SQLiteRow) throws(SQLiteError) -> SpecSummary {
        SpecSummary(
            name: try row.string(0), createdAt: try row.timestamp(1), createdBy: try row.string(2),
            updatedAt: try row.timestamp(3), latestRevision: try row.int(4), latestDigest: try row.string(5),
            revisionCount: try row.int(6)
        )
    }

    static func revisionRecord(_ row: SQLiteRow) throws(SQLiteError) -> RevisionRecord {
        RevisionRecord(
            specName: try row.string(0), number: try row.int(1), digest: try row.string(2),
            format: try row.documentFormat(3), source: try row.string(4), canonical: try row.string(5),
            createdAt: try row.timestamp(6), createdBy: try row.string(7)
        )
    }
}
