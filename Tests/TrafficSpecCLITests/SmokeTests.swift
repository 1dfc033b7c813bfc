import Foundation
import Testing
import TestSupport

/// Drives the built binary with curl, the way the README shows.
@Suite(.serialized, .timeLimit(.minutes(2))) struct SmokeTests {
    @Test func readmeWalkthrough() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("data/trafficspec.db").path
        let server = try ServerProcess(database: database)
        let base = server.baseURL
        let spec = directory.appendingPathComponent("task-api.yaml")
        try minimalSpec(path: "/api").write(to: spec, atomically: true, encoding: .utf8)

        let created = try BinaryProcess.curl([
            "-i", "-X", "POST", "\(base)/v1/specs", "-H", "Content-Type: application/yaml", "--data-binary", "@\(spec.path)",
        ])
        #expect(created.stdout.hasPrefix("HTTP/1.1 201 Created"), "\(created.stdout)")
        let etag = try #require(
            created.stdout.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?.dropFirst(6))

        try minimalSpec(path: "/api/v2").write(to: spec, atomically: true, encoding: .utf8)
        let second = try BinaryProcess.curl([
            "-w", "%{http_code}", "-o", "/dev/null", "-X", "POST", "\(base)/v1/specs/task-api/revisions",
            "-H", "If-Match: \(etag)", "-H", "Content-Type: application/yaml", "--data-binary", "@\(spec.path)",
        ])
        #expect(second.stdout == "201")
        let stale = try BinaryProcess.curl([
            "-w", "%{http_code}", "-o", "/dev/null", "-X", "POST", "\(base)/v1/specs/task-api/revisions?baseRevision=1",
            "--data-binary", minimalSpec(path: "/other"),
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
        #expect(result.status == 2)
        #expect(result.stderr.contains("--listen must be HOST:PORT"))
    }
}

@Suite(.timeLimit(.minutes(1))) struct RenderCommandTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func rendersTheExampleByteForByte() throws {
        let spec = Self.root.appendingPathComponent("examples/task-api/spec.yaml").path
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["render", spec])
        #expect(result.status == 0)
        let expected = try String(
            contentsOf: Self.root.appendingPathComponent("examples/task-api/manifests.yaml"), encoding: .utf8)
        #expect(result.stdout == expected)
    }

    @Test func specErrorsExit1WithFileLineColumn() throws {
        let broken = minimalSpec(path: "/a").replacingOccurrences(of: "port: 8000", with: "port: 8000, weigth: 2")
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["render", "-"], stdin: broken)
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:9:47: "))
        #expect(result.stderr.contains("routes[0].backends[0].weigth: unknown field; did you mean 'weight'?"))
        #expect(result.stdout.isEmpty)
    }

    @Test func unreadableInputExits2() throws {
        let missing = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["render", "/nonexistent/spec.yaml"])
        #expect(missing.status == 2)
        let malformed = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["render", "-"], stdin: "a: [1,\n")
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("<stdin>:"))
    }

    @Test func jsonFormatIsAList() throws {
        let result = try BinaryProcess.run(
            try BinaryProcess.trafficspecURL, ["render", "--format", "json", "--kind", "Gateway", "-"],
            stdin: minimalSpec(path: "/a"))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "List")
        #expect((object?["items"] as? [Any])?.count == 1)
    }
}

@Suite(.timeLimit(.minutes(1))) struct DiffCommandTests {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    private func files(_ old: String, _ new: String) throws -> (URL, URL, URL) {
        let directory = try temporaryDirectory()
        let first = directory.appendingPathComponent("old.yaml")
        let second = directory.appendingPathComponent("new.yaml")
        try old.write(to: first, atomically: true, encoding: .utf8)
        try new.write(to: second, atomically: true, encoding: .utf8)
        return (directory, first, second)
    }

    @Test func equalSpecsExit0WithNoOutput() throws {
        let (directory, old, new) = try files(minimalSpec(), minimalSpec())
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["diff", old.path, new.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func differentSpecsExit1AndPatchReproducesTheNewManifests() throws {
        let (directory, old, new) = try files(minimalSpec(), minimalSpec(path: "/v2"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try BinaryProcess.trafficspecURL
        let result = try BinaryProcess.run(binary, ["diff", old.path, new.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("+        value: /v2"))
        // The unified diff turns the older rendered YAML into the newer one.
        let oldYAML = directory.appendingPathComponent("old-manifests.yaml")
        try (try BinaryProcess.run(binary, ["render", old.path])).stdout.write(to: oldYAML, atomically: true, encoding: .utf8)
        let patched = try BinaryProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["patch", "-s", "-o", "-", oldYAML.path], stdin: result.stdout)
        #expect(patched.stdout == (try BinaryProcess.run(binary, ["render", new.path])).stdout)
    }

    @Test func manifestFilesAndJSONFormat() throws {
        let oldManifests = try String(contentsOf: Self.examples.appendingPathComponent("canary/manifests.yaml"), encoding: .utf8)
        let newManifests = oldManifests.replacingOccurrences(of: "weight: 90", with: "weight: 75")
        let (directory, old, new) = try files(oldManifests, newManifests)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["diff", "--format", "json", old.path, new.path])
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((report?["summary"] as? [String: Any])?["changed"] as? Int == 1)
    }

    @Test func unreadableInputExits2() throws {
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["diff", "/nonexistent/a.yaml", "/nonexistent/b.yaml"])
        #expect(result.status == 2)
    }
}
