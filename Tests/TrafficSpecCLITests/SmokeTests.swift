import Foundation
import Testing

/// Drives the built binary with curl, the way the README shows.
@Suite(.serialized, .timeLimit(.minutes(2))) struct SmokeTests {
    @Test func readmeWalkthrough() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("data/trafficspec.db").path
        let server = try ServerProcess(database: database)
        let base = server.baseURL
        let spec = directory.appendingPathComponent("task-api.yaml")
        try "name: task-api\nroutes:\n  - { name: default, pathPrefix: /api }\n".write(to: spec, atomically: true, encoding: .utf8)

        let created = try BinaryProcess.curl([
            "-i", "-X", "POST", "\(base)/v1/specs", "-H", "Content-Type: application/yaml", "--data-binary", "@\(spec.path)",
        ])
        #expect(created.stdout.hasPrefix("HTTP/1.1 201 Created"), "\(created.stdout)")
        let etag = try #require(
            created.stdout.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?.dropFirst(6))

        try "name: task-api\nroutes:\n  - { name: default, pathPrefix: /api/v2 }\n".write(
            to: spec, atomically: true, encoding: .utf8)
        let second = try BinaryProcess.curl([
            "-w", "%{http_code}", "-o", "/dev/null", "-X", "POST", "\(base)/v1/specs/task-api/revisions",
            "-H", "If-Match: \(etag)", "-H", "Content-Type: application/yaml", "--data-binary", "@\(spec.path)",
        ])
        #expect(second.stdout == "201")
        let stale = try BinaryProcess.curl([
            "-w", "%{http_code}", "-o", "/dev/null", "-X", "POST", "\(base)/v1/specs/task-api/revisions?baseRevision=1",
            "--data-binary", "name: task-api\nother: 1\n",
        ])
        #expect(stale.stdout == "412")

        let document = try BinaryProcess.curl(["\(base)/v1/specs/task-api/revisions/2"])
        #expect(document.stdout == (try String(contentsOf: spec, encoding: .utf8)))
        let list = try BinaryProcess.curl(["\(base)/v1/specs/task-api/revisions"])
        #expect(list.stdout.contains("\"revision\": 2"))
        for path in ["/v1/specs", "/v1/specs/task-api", "/healthz", "/readyz", "/metrics", "/openapi.yaml"] {
            let response = try BinaryProcess.curl(["-f", "-o", "/dev/null", "-w", "%{http_code}", "\(base)\(path)"])
            #expect(response.stdout == "200", "\(path)")
        }
        let notModified = try BinaryProcess.curl([
            "-o", "/dev/null", "-w", "%{http_code}", "\(base)/v1/specs/task-api/revisions/1", "-H", "If-None-Match: \(etag)",
        ])
        #expect(notModified.stdout == "304")

        #expect(server.stop() == 0, "SIGTERM must end the server cleanly")
        #expect(server.log.contains { $0.contains("stopped") })
        #expect(server.log.contains { $0.contains("request_id") || $0.contains("request-id") }, "one log line per request")
    }

    @Test func migrateIsIdempotentAndNewerDatabasesAreRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("t.db").path
        let binary = try BinaryProcess.trafficspecURL
        let first = try BinaryProcess.run(binary, ["migrate", "--db", database])
        #expect(first.status == 0)
        #expect(first.stdout.contains("applied 0001_initial"))
        let again = try BinaryProcess.run(binary, ["migrate", "--db", database])
        #expect(again.status == 0)
        #expect(again.stdout.contains("up to date"))

        let sqlite = try BinaryProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["sqlite3", database, "INSERT INTO schema_migrations VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z');"])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let refused = try BinaryProcess.run(binary, ["serve", "--listen", "127.0.0.1:0", "--db", database])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("9999_from_the_future"))
        #expect(refused.stderr.contains("refusing to start"))
    }

    @Test func badFlagsExitWithUsageStatus() throws {
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["serve", "--listen", "nonsense"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--listen must be HOST:PORT"))
    }
}
