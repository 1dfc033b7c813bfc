import Foundation
import Testing
import TestSupport

/// A fresh database gets one admin token, printed once; later starts print nothing.
@Suite(.serialized, .timeLimit(.minutes(2))) struct BootstrapTokenTests {
    @Test func firstStartPrintsTheAdminTokenOnce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("t.db").path

        let first = try ServerProcess(database: database, bootstrapToken: nil)
        let line = first.log.first { $0.hasPrefix("tsk_") }
        let token = try #require(line, "the generated token is printed on its own line: \(first.log)")
        let listed = try BinaryProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["curl", "-sS", "--max-time", "10", "-H", "Authorization: Bearer \(token)", "\(first.baseURL)/v1/tokens"])
        #expect(listed.stdout.contains("\"name\": \"bootstrap-admin\""), "\(listed.stdout)")
        #expect(!listed.stdout.contains(token))
        #expect(first.stop() == 0)
        #expect(first.log.filter { $0.contains(token) }.count == 1, "printed once, never logged again")

        let second = try ServerProcess(database: database, bootstrapToken: nil)
        #expect(!second.log.contains { $0.hasPrefix("tsk_") }, "a database with tokens gets no new one")
        #expect(second.stop() == 0)
    }
}
