import Foundation
import SQLiteDB
import TrafficCore

extension SpecStore {
    /// Returns environment `name`, creating it (with its `environment.created` audit event, in
    /// one transaction) if this is its first use.
    ///
    /// - Throws: `.invalidEnvironmentName` unless `name` is a DNS-1123 label.
    @discardableResult
    public func ensureEnvironment(name: String, actor: String) throws(StoreError) -> EnvironmentRecord {
        try Self.validateEnvironmentName(name)
        return try write { [self] connection in
            let time = timestamp()
            let id = try ensureEnvironmentID(name, actor: actor, time: time, on: connection)
            guard let record = try Self.environmentRecords(where: "e.id = ?", [.integer(id)], on: connection).first else {
                // Cannot happen: the row was found or inserted by this transaction.
                throw SQLiteError(code: SQLiteRow.mismatchCode, message: "environment \(id) vanished inside its transaction")
            }
            return record
        }
    }

    /// Every environment by name, each with what runs there.
    public func environments() throws(StoreError) -> [EnvironmentRecord] {
        try read { connection in
            try Self.environmentRecords(where: nil, [], on: connection)
        }
    }

    /// Environment `name` with what runs there, or `nil` if it was never used.
    public func environment(name: String) throws(StoreError) -> EnvironmentRecord? {
        try read { connection in
            try Self.environmentRecords(where: "e.name = ?", [.text(name)], on: connection).first
        }
    }

    /// The id of environment `name`, inserting it and appending `environment.created` first if it
    /// does not exist. Runs inside the caller's write transaction, so a rollout and the creation
    /// of its environment commit together.
    func ensureEnvironmentID(
        _ name: String, actor: String, time: (text: String, date: Date), on connection: SQLiteConnection
    ) throws -> Int64 {
        if let existing = try connection.queryOne("SELECT id FROM environments WHERE name = ?", [.text(name)]) {
            return try existing.int64(0)
        }
        try connection.execute(
            "INSERT INTO environments (name, created_at, created_by) VALUES (?, ?, ?)",
            [.text(name), .text(time.text), .text(actor)]
        )
        let id = connection.lastInsertRowID
        try appendAuditEvent(
            action: "environment.created", actor: actor, subject: Self.environmentSubject(name), occurredAt: time.text,
            details: AuditJSON.object(["environment": .string(name)]).text, on: connection
        )
        return id
    }

    static func validateEnvironmentName(_ name: String) throws(StoreError) {
        if let problem = DNSName.labelProblem(name) {
            throw .invalidEnvironmentName(name: name, reason: problem)
        }
    }

    /// The audit subject of events about an environment itself. Spec names cannot contain '/',
    /// so a spec filter never matches it.
    static func environmentSubject(_ name: String) -> String {
        "environment/\(name)"
    }

    /// Environments matching `condition` (on alias `e`), by name, with their deployments: for
    /// each spec, its latest rollout there. Two queries whatever the number of environments.
    static func environmentRecords(
        where condition: String?, _ values: [SQLiteValue], on connection: SQLiteConnection
    ) throws -> [EnvironmentRecord] {
        let filter = condition.map { " WHERE " + $0 } ?? ""
        let environments = try connection.query(
            "SELECT e.id, e.name, e.created_at, e.created_by FROM environments AS e" + filter + " ORDER BY e.name", values
        )
        guard !environments.isEmpty else { return [] }
        // The rollouts_by_environment_spec index answers "last id per (environment, spec)".
        let current = try connection.query(
            rolloutSelect + """
                 WHERE r.id IN (
                    SELECT max(l.id) FROM rollouts AS l JOIN environments AS e ON e.id = l.environment_id\(filter)
                    GROUP BY l.environment_id, l.spec_id
                )
                ORDER BY s.name
                """,
            values
        ).map(rolloutRecord)
        let byEnvironment = Dictionary(grouping: current, by: \.environment)
        return try environments.map { (row) throws(SQLiteError) in
            let name = try row.string(1)
            return EnvironmentRecord(
                name: name, createdAt: try row.timestamp(2), createdBy: try row.string(3),
                deployments: byEnvironment[name] ?? []
            )
        }
    }
}
