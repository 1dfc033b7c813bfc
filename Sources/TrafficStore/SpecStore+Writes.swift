import Foundation
import SQLiteDB

extension SpecStore {
    /// Creates spec `revision.name` with `revision` as revision 1, and its `spec.created` audit
    /// event, in one transaction.
    ///
    /// - Throws: `.specAlreadyExists` if the name is taken.
    public func createSpec(_ revision: NewRevision, actor: String) throws(StoreError) -> RevisionRecord {
        try write(specName: revision.name) { [self] connection in
            // Read the clock under the write lock, so occurred_at follows seq order (as far as the
            // wall clock itself does).
            let time = timestamp()
            if try connection.queryOne("SELECT 1 FROM specs WHERE name = ?", [.text(revision.name)]) != nil {
                throw StoreError.specAlreadyExists(name: revision.name)
            }
            try connection.execute(
                "INSERT INTO specs (name, created_at, created_by) VALUES (?, ?, ?)",
                [.text(revision.name), .text(time.text), .text(actor)]
            )
            let specID = connection.lastInsertRowID
            let record = try insertRevision(revision, number: 1, specID: specID, time: time, actor: actor, on: connection)
            try appendAuditEvent(
                action: "spec.created", actor: actor, subject: revision.name, occurredAt: time.text,
                details: AuditEvent.revisionDetails(digest: revision.digest, number: 1), on: connection
            )
            return record
        }
    }

    /// Appends `revision` as the next revision of spec `revision.name`, with its
    /// `revision.created` audit event, in one transaction.
    ///
    /// Order of checks, all inside the IMMEDIATE transaction so that two writers with the same
    /// base cannot both pass:
    /// 1. the spec must exist (`.specNotFound`);
    /// 2. if `revision.digest` equals the latest revision's digest, nothing is written and the
    ///    latest revision is returned with `created: false`. This comes before the base check on
    ///    purpose: re-posting content that is already current is idempotent, so a client retrying
    ///    after a lost response (whose base is now stale because its own write succeeded) gets
    ///    success rather than a conflict;
    /// 3. if `base` is given it must name the latest revision (`.preconditionFailed`, carrying the
    ///    latest number and digest);
    /// 4. the new revision gets number latest + 1.
    public func appendRevision(
        _ revision: NewRevision,
        expecting base: ExpectedBase?,
        actor: String
    ) throws(StoreError) -> AppendResult {
        try write(specName: revision.name) { [self] connection in
            // Read the clock under the write lock, so occurred_at follows seq order (as far as the
            // wall clock itself does).
            let time = timestamp()
            guard let specID = try connection.queryOne("SELECT id FROM specs WHERE name = ?", [.text(revision.name)])?.int64(0)
            else {
                throw StoreError.specNotFound(name: revision.name)
            }
            guard let latest = try latestRevision(specID: specID, on: connection) else {
                // Every spec is created with revision 1 and revisions cannot be deleted.
                throw StoreError.revisionNotFound(name: revision.name, number: 1)
            }
            if latest.digest == revision.digest {
                return AppendResult(revision: latest, created: false)
            }
            if let base, !Self.matches(base, latest) {
                throw StoreError.preconditionFailed(
                    name: revision.name, expected: base.description,
                    latestNumber: latest.number, latestDigest: latest.digest
                )
            }
            let number = latest.number + 1
            let record = try insertRevision(revision, number: number, specID: specID, time: time, actor: actor, on: connection)
            try appendAuditEvent(
                action: "revision.created", actor: actor, subject: revision.name, occurredAt: time.text,
                details: AuditEvent.revisionDetails(digest: revision.digest, number: number), on: connection
            )
            return AppendResult(revision: record, created: true)
        }
    }

    private static func matches(_ base: ExpectedBase, _ latest: RevisionRecord) -> Bool {
        switch base {
        case .digest(let digest): digest == latest.digest
        case .number(let number): number == latest.number
        }
    }

    private func insertRevision(
        _ revision: NewRevision, number: Int, specID: Int64,
        time: (text: String, date: Date), actor: String, on connection: SQLiteConnection
    ) throws -> RevisionRecord {
        try connection.execute(
            """
            INSERT INTO revisions (spec_id, number, digest, format, source, canonical, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(specID), .int(number), .text(revision.digest), .text(revision.format.rawValue),
                .text(revision.source), .text(revision.canonical), .text(time.text), .text(actor),
            ]
        )
        return RevisionRecord(
            specName: revision.name, number: number, digest: revision.digest, format: revision.format,
            source: revision.source, canonical: revision.canonical, createdAt: time.date, createdBy: actor
        )
    }
}
