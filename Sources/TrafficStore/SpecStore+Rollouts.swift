import Foundation
import SQLiteDB

extension SpecStore {
    static let rolloutSelect = """
        SELECT r.id, s.name, r.revision, e.name, r.kind, r.actor, r.created_at, r.reason, r.manifests_digest,
               r.replaced_revision, r.forced, r.apply_status, r.apply_exit_status, r.apply_output_tail
        FROM rollouts AS r
        JOIN specs AS s ON s.id = r.spec_id
        JOIN environments AS e ON e.id = r.environment_id
        """

    /// Records that `revision` of `spec` now runs in `environment`, in one transaction: creates the
    /// environment on first use (`environment.created`), reads the revision running there now
    /// (stored as `replacedRevision`), inserts the rollout, and appends its audit event:
    /// `rollout.forced` when `forced`, otherwise `rollback.recorded` or `rollout.recorded`.
    ///
    /// The caller renders and validates the revision first (the store does not render), and runs
    /// the apply command if one is configured, passing its outcome as `apply`: rollouts are
    /// append-only, so the outcome is stored with the rollout.
    ///
    /// - Parameters:
    ///   - reason: why; required (not blank) when `forced`.
    ///   - manifestsDigest: lowercase hex SHA-256 of the rendered manifests.
    ///   - forced: validation errors were overridden.
    ///   - expectingCurrentRevision: when given, the rollout is refused with `.rolloutConflict`
    ///     unless this is the revision running there now. A rollback computes its target from
    ///     the current revision (`previousRevision`), so it passes the current revision here:
    ///     two rollbacks racing each other then cannot both step back from the same point.
    /// - Throws: `.invalidEnvironmentName`, `.forcedRolloutWithoutReason`,
    ///   `.invalidManifestsDigest`, `.specNotFound`, `.revisionNotFound`, `.nothingToRollBack`
    ///   (a rollback where nothing runs), `.rolloutConflict`.
    public func recordRollout(
        spec: String, revision: Int, environment: String, kind: RolloutKind, reason: String, actor: String,
        manifestsDigest: String, forced: Bool = false, apply: ApplyOutcome? = nil, expectingCurrentRevision: Int? = nil
    ) throws(StoreError) -> RolloutRecord {
        try Self.validateEnvironmentName(environment)
        if forced, reason.allSatisfy(\.isWhitespace) {
            throw .forcedRolloutWithoutReason(spec: spec, environment: environment)
        }
        if !Self.isDigest(manifestsDigest) {
            throw .invalidManifestsDigest(spec: spec, digest: manifestsDigest)
        }
        return try write(specName: spec) { [self] connection in
            // Read the clock under the write lock, so created_at follows id and seq order.
            let time = timestamp()
            let specID = try Self.specID(spec, on: connection)
            guard try connection.queryOne(
                "SELECT 1 FROM revisions WHERE spec_id = ? AND number = ?", [.integer(specID), .int(revision)]
            ) != nil else {
                throw StoreError.revisionNotFound(name: spec, number: revision)
            }
            let environmentID = try ensureEnvironmentID(environment, actor: actor, time: time, on: connection)
            let replaced = try connection.queryOne(
                "SELECT revision FROM rollouts WHERE spec_id = ? AND environment_id = ? ORDER BY id DESC LIMIT 1",
                [.integer(specID), .integer(environmentID)]
            )?.int(0)
            if kind == .rollback, replaced == nil {
                throw StoreError.nothingToRollBack(spec: spec, environment: environment)
            }
            if let expectingCurrentRevision, expectingCurrentRevision != replaced {
                throw StoreError.rolloutConflict(
                    spec: spec, environment: environment, expectedRevision: expectingCurrentRevision, currentRevision: replaced
                )
            }
            try connection.execute(
                """
                INSERT INTO rollouts (spec_id, revision, environment_id, kind, actor, created_at, reason, manifests_digest,
                                      replaced_revision, forced, apply_status, apply_exit_status, apply_output_tail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(specID), .int(revision), .integer(environmentID), .text(kind.rawValue), .text(actor),
                    .text(time.text), .text(reason), .text(manifestsDigest), replaced.map(SQLiteValue.int) ?? .null,
                    .integer(forced ? 1 : 0), .optionalText(apply?.status.rawValue),
                    apply?.exitStatus.map(SQLiteValue.int) ?? .null, .optionalText(apply?.outputTail),
                ]
            )
            let record = RolloutRecord(
                id: connection.lastInsertRowID, spec: spec, revision: revision, environment: environment, kind: kind,
                actor: actor, createdAt: time.date, reason: reason, manifestsDigest: manifestsDigest,
                replacedRevision: replaced, forced: forced, apply: apply
            )
            try appendAuditEvent(
                action: Self.auditAction(for: record), actor: actor, subject: spec, occurredAt: time.text,
                details: Self.auditDetails(for: record), on: connection
            )
            return record
        }
    }

    /// Rollouts of `spec` (to `environment` only, when given) by ascending id, at most `limit`,
    /// after id `after`. An environment never used gives an empty page.
    ///
    /// - Throws: `.specNotFound`.
    public func rollouts(spec: String, environment: String? = nil, limit: Int, after: Int64?) throws(StoreError) -> Page<RolloutRecord> {
        guard limit >= 1 else { throw .invalidPageLimit(limit) }
        return try read { connection in
            let specID = try Self.specID(spec, on: connection)
            let rows: [SQLiteRow]
            if let environment {
                guard let environmentID = try Self.environmentID(environment, on: connection) else {
                    return Page(items: [], nextCursor: nil)
                }
                rows = try connection.query(
                    Self.rolloutSelect + " WHERE r.spec_id = ? AND r.environment_id = ? AND r.id > ? ORDER BY r.id LIMIT ?",
                    [.integer(specID), .integer(environmentID), .integer(after ?? 0), .int(limit + 1)]
                )
            } else {
                rows = try connection.query(
                    Self.rolloutSelect + " WHERE r.spec_id = ? AND r.id > ? ORDER BY r.id LIMIT ?",
                    [.integer(specID), .integer(after ?? 0), .int(limit + 1)]
                )
            }
            let items = try rows.prefix(limit).map(Self.rolloutRecord)
            return Page(items: items, nextCursor: rows.count > limit ? items.last.map { String($0.id) } : nil)
        }
    }

    /// The rollout that put the current revision of `spec` into `environment` (its latest there),
    /// or `nil` if the spec never ran there.
    ///
    /// - Throws: `.specNotFound`.
    public func currentRollout(spec: String, environment: String) throws(StoreError) -> RolloutRecord? {
        try read { connection in
            let specID = try Self.specID(spec, on: connection)
            guard let environmentID = try Self.environmentID(environment, on: connection) else { return nil }
            return try connection.queryOne(
                Self.rolloutSelect + " WHERE r.spec_id = ? AND r.environment_id = ? ORDER BY r.id DESC LIMIT 1",
                [.integer(specID), .integer(environmentID)]
            ).map(Self.rolloutRecord)
        }
    }

    /// The revision a rollback of `spec` in `environment` returns to: the one that ran there
    /// before the current one, with earlier rollbacks taken into account (see `RolloutStack`).
    /// `nil` when there is nothing to go back to.
    ///
    /// - Throws: `.specNotFound`.
    public func previousRevision(spec: String, environment: String) throws(StoreError) -> Int? {
        try read { connection in
            let specID = try Self.specID(spec, on: connection)
            guard let environmentID = try Self.environmentID(environment, on: connection) else { return nil }
            var stack = RolloutStack()
            try connection.forEachRow(
                "SELECT kind, revision FROM rollouts WHERE spec_id = ? AND environment_id = ? ORDER BY id",
                [.integer(specID), .integer(environmentID)]
            ) { row in
                stack.apply(try Self.rolloutKind(row, 0), revision: try row.int(1))
            }
            return stack.previous
        }
    }

    /// Rollout `id` of `spec`, or `nil` if there is none (or it belongs to another spec).
    ///
    /// - Throws: `.specNotFound`.
    public func rollout(spec: String, id: Int64) throws(StoreError) -> RolloutRecord? {
        try read { connection in
            let specID = try Self.specID(spec, on: connection)
            return try connection.queryOne(
                Self.rolloutSelect + " WHERE r.spec_id = ? AND r.id = ?", [.integer(specID), .integer(id)]
            ).map(Self.rolloutRecord)
        }
    }

    /// `true` when `revision` of `spec` was rolled out (or rolled back) to `environment` and did
    /// not fail to apply there: a rollout whose apply command failed never really ran. History
    /// is append-only, so once true this stays true: a promotion gate may check it before
    /// recording without a race.
    ///
    /// - Throws: `.specNotFound`.
    public func wasDeployed(spec: String, revision: Int, environment: String) throws(StoreError) -> Bool {
        try read { connection in
            let specID = try Self.specID(spec, on: connection)
            guard let environmentID = try Self.environmentID(environment, on: connection) else { return false }
            return try connection.queryOne(
                """
                SELECT 1 FROM rollouts WHERE spec_id = ? AND environment_id = ? AND revision = ?
                    AND (apply_status IS NULL OR apply_status <> 'failed') LIMIT 1
                """,
                [.integer(specID), .integer(environmentID), .int(revision)]
            ) != nil
        }
    }

    static func environmentID(_ name: String, on connection: SQLiteConnection) throws -> Int64? {
        try connection.queryOne("SELECT id FROM environments WHERE name = ?", [.text(name)])?.int64(0)
    }

    /// `rollout.forced` for any forced rollout (its details say whether it was a rollback), else
    /// `rollback.recorded` or `rollout.recorded`.
    static func auditAction(for rollout: RolloutRecord) -> String {
        if rollout.forced { return "rollout.forced" }
        switch rollout.kind {
        case .rollout: return "rollout.recorded"
        case .rollback: return "rollback.recorded"
        }
    }

    /// Everything recorded about the rollout except the apply output (unbounded, and not a fact
    /// the history needs to prove).
    static func auditDetails(for rollout: RolloutRecord) -> String {
        let apply: AuditJSON = rollout.apply.map { outcome in
            .object(["exitStatus": .optionalInteger(outcome.exitStatus), "status": .string(outcome.status.rawValue)])
        } ?? .null
        return AuditJSON.object([
            "apply": apply,
            "environment": .string(rollout.environment),
            "forced": .bool(rollout.forced),
            "kind": .string(rollout.kind.rawValue),
            "manifestsDigest": .string(rollout.manifestsDigest),
            "reason": .string(rollout.reason),
            "replacedRevision": .optionalInteger(rollout.replacedRevision),
            "revision": .integer(Int64(rollout.revision)),
            "rollout": .integer(rollout.id),
        ]).text
    }

    /// 64 lowercase hex digits.
    static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }

    static func rolloutKind(_ row: SQLiteRow, _ column: Int) throws(SQLiteError) -> RolloutKind {
        guard let kind = RolloutKind(rawValue: try row.string(column)) else {
            throw SQLiteError(code: SQLiteRow.mismatchCode, message: "column \(row.columnNames[column]) is not a rollout kind")
        }
        return kind
    }

    static func rolloutRecord(_ row: SQLiteRow) throws(SQLiteError) -> RolloutRecord {
        var apply: ApplyOutcome?
        if let statusText = try row.optionalString(11) {
            guard let status = ApplyStatus(rawValue: statusText) else {
                throw SQLiteError(code: SQLiteRow.mismatchCode, message: "column \(row.columnNames[11]) is not an apply status")
            }
            apply = ApplyOutcome(status: status, exitStatus: try row.optionalInt(12), outputTail: try row.optionalString(13))
        }
        return RolloutRecord(
            id: try row.int64(0), spec: try row.string(1), revision: try row.int(2), environment: try row.string(3),
            kind: try rolloutKind(row, 4), actor: try row.string(5), createdAt: try row.timestamp(6),
            reason: try row.string(7), manifestsDigest: try row.string(8), replacedRevision: try row.optionalInt(9),
            forced: try row.int(10) != 0, apply: apply
        )
    }
}
