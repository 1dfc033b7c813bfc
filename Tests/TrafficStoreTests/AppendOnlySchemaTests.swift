import Foundation
import SQLiteDB
import Testing
import TrafficStore

/// The schema itself refuses changes to history, whoever writes: the triggers of migration 0002
/// are tested here with a separate connection, as another process (or the sqlite3 shell) would
/// use the file.
@Suite("Append-only schema of rollouts and tokens")
struct AppendOnlySchemaTests {
    @Test func rolloutsAndEnvironments_refuseUpdateAndDelete() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 2)
        try harness.rollout("checkout", 1, to: "prod")
        let connection = try harness.rawConnection()
        let attempts: [(sql: String, message: String)] = [
            ("UPDATE rollouts SET revision = 2", "rollouts are immutable"),
            ("UPDATE rollouts SET reason = 'nothing to see'", "rollouts are immutable"),
            ("UPDATE rollouts SET apply_status = 'succeeded'", "rollouts are immutable"),
            ("DELETE FROM rollouts", "rollouts are immutable"),
            ("UPDATE environments SET name = 'production'", "environments are immutable"),
            ("DELETE FROM environments", "environments are immutable"),
        ]
        for attempt in attempts {
            let error = #expect(throws: SQLiteError.self) { try connection.execute(attempt.sql, []) }
            #expect(error?.isConstraintTrigger == true, "\(attempt.sql)")
            #expect(error?.message == attempt.message, "\(attempt.sql)")
        }
        #expect(try harness.store.rollouts(spec: "checkout", limit: 10, after: nil).items.map(\.revision) == [1])
        #expect(try harness.store.environments().map(\.name) == ["prod"])
    }

    @Test func apiTokens_allowRevocationOnly_once() throws {
        let harness = try SpecStoreHarness()
        let issued = try harness.store.createToken(name: "ci", role: .viewer, expiresAt: nil, actor: "admin")
        let connection = try harness.rawConnection()
        let refused = [
            "UPDATE api_tokens SET role = 'admin'",
            "UPDATE api_tokens SET name = 'root'",
            "UPDATE api_tokens SET token_hash = '\(String(repeating: "0", count: 64))'",
            "UPDATE api_tokens SET expires_at = '2030-01-01T00:00:00.000Z'",
            "UPDATE api_tokens SET created_by = 'someone-else'",
            // Revoking and escalating in one statement is still an escalation.
            "UPDATE api_tokens SET revoked_at = '2026-11-22T11:00:00.000Z', revoked_by = 'x', role = 'admin'",
            // Touching nothing but keeping it unrevoked is not a revocation.
            "UPDATE api_tokens SET revoked_by = revoked_by",
            "DELETE FROM api_tokens",
        ]
        for sql in refused {
            let error = #expect(throws: SQLiteError.self) { try connection.execute(sql, []) }
            #expect(error?.isConstraintTrigger == true, "\(sql)")
        }
        #expect(try harness.store.token(id: issued.record.id) == issued.record)

        // Revocation passes, as the store's own UPDATE does.
        try connection.execute(
            "UPDATE api_tokens SET revoked_at = '2026-11-22T11:00:00.000Z', revoked_by = 'security' WHERE id = ?",
            [.integer(issued.record.id)]
        )
        #expect(try harness.store.token(id: issued.record.id)?.revokedBy == "security")
        // But only once, and never undone.
        for sql in [
            "UPDATE api_tokens SET revoked_at = '2026-11-22T12:00:00.000Z', revoked_by = 'other'",
            "UPDATE api_tokens SET revoked_at = NULL, revoked_by = NULL",
        ] {
            let error = #expect(throws: SQLiteError.self) { try connection.execute(sql, []) }
            #expect(error?.isConstraintTrigger == true, "\(sql)")
        }
        // Half a revocation breaks the CHECK that both columns are set together.
        let other = try harness.store.createToken(name: "other", role: .viewer, expiresAt: nil, actor: "admin")
        let halfError = #expect(throws: SQLiteError.self) {
            try connection.execute("UPDATE api_tokens SET revoked_at = 'x' WHERE id = ?", [.integer(other.record.id)])
        }
        #expect(halfError?.isCheckConstraint == true)
    }

    @Test func rollouts_checkTheirColumns_againstWritersThatBypassTheStore() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 1)
        try harness.rollout("checkout", 1, to: "prod")
        let connection = try harness.rawConnection()
        try connection.execute("PRAGMA foreign_keys = ON")
        let digest = String(repeating: "a", count: 64)
        let insert = """
            INSERT INTO rollouts (spec_id, revision, environment_id, kind, actor, created_at, reason, manifests_digest,
                                  replaced_revision, forced, apply_status, apply_exit_status)
            VALUES (1, ?, 1, ?, 'x', 't', ?, ?, NULL, ?, ?, ?)
            """
        let cases: [(values: [SQLiteValue], check: (SQLiteError) -> Bool, label: String)] = [
            ([1, "rollout", "", .text(digest), 1, nil, nil], \.isCheckConstraint, "forced without reason"),
            ([1, "redeploy", "", .text(digest), 0, nil, nil], \.isCheckConstraint, "unknown kind"),
            ([1, "rollout", "", "ABC", 0, nil, nil], \.isCheckConstraint, "malformed digest"),
            ([1, "rollout", "", .text(digest), 0, "maybe", nil], \.isCheckConstraint, "unknown apply status"),
            ([1, "rollout", "", .text(digest), 0, nil, 1], \.isCheckConstraint, "exit status without apply"),
            ([7, "rollout", "", .text(digest), 0, nil, nil], \.isForeignKeyConstraint, "revision that does not exist"),
        ]
        for testCase in cases {
            let error = #expect(throws: SQLiteError.self, "\(testCase.label)") { try connection.execute(insert, testCase.values) }
            #expect(error.map(testCase.check) == true, "\(testCase.label): \(String(describing: error))")
        }
        #expect(try harness.count("rollouts") == 1)
    }
}
