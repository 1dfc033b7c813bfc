import Foundation
import Testing
import TestSupport

/// `serve --apply-command` and `--promotion` on a real server: the command receives exactly the
/// served manifests, its outcome is recorded, and a failed apply does not promote.
@Suite(.serialized, .timeLimit(.minutes(2))) struct RolloutServeTests {
    /// Writes an executable stub script and returns its path. A child process writes it: a
    /// descriptor open for writing in this process could leak into a child another test is
    /// spawning at that moment, and exec of a file open for writing fails ("text file busy").
    private func stub(_ directory: URL, _ name: String, _ body: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let written = try BinaryProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "cat > \"$0\" && chmod 755 \"$0\"", path], stdin: "#!/bin/sh\n" + body + "\n")
        guard written.status == 0 else { throw CLITestError("cannot write \(path): \(written.stderr)") }
        return path
    }

    private func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    private func rollOut(_ server: ServerProcess, revision: Int, to environment: String) throws -> (code: String, headers: String, body: String) {
        let result = try BinaryProcess.curl([
            "-D", "-", "-X", "POST", "\(server.baseURL)/v1/specs/task-api/rollouts", "-H", "Content-Type: application/json",
            "-d", "{\"revision\": \(revision), \"environment\": \"\(environment)\", \"reason\": \"test\"}",
        ])
        let parts = result.stdout.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let code = head.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        return (code, head, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test func applyCommandReceivesTheManifestsAndItsOutcomeIsRecorded() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let received = directory.appendingPathComponent("received.yaml").path
        let marker = directory.appendingPathComponent("marker").path
        // The second word proves quoting is honoured and nothing is expanded by a shell.
        let applier = try stub(directory, "apply.sh", """
            cat > '\(received)'
            echo "applied with [$1]"
            if grep -q '/v2' '\(received)'; then echo 'admission webhook denied' >&2; exit 7; fi
            """)
        let server = try ServerProcess(
            database: directory.appendingPathComponent("t.db").path,
            extraArguments: ["--promotion", "dev,prod", "--apply-command", "\(applier) '$(touch \(marker)) x'"])
        defer { _ = server.stop() }
        #expect(try BinaryProcess.curl(["-X", "POST", "\(server.baseURL)/v1/specs", "--data-binary", minimalSpec(path: "/v1")])
            .status == 0)
        #expect(try BinaryProcess.curl(["-X", "POST", "\(server.baseURL)/v1/specs/task-api/revisions",
                                        "--data-binary", minimalSpec(path: "/v2")]).status == 0)

        let dev = try rollOut(server, revision: 1, to: "dev")
        #expect(dev.code == "201", "\(dev.body)")
        #expect(dev.headers.contains("X-Apply-Status: succeeded"))
        let devApply = json(dev.body)["apply"] as? [String: Any]
        #expect(devApply?["status"] as? String == "succeeded")
        #expect(devApply?["exitStatus"] as? Int == 0)
        #expect((devApply?["outputTail"] as? String)?.contains("applied with [$(touch \(marker)) x]") == true)
        #expect(!FileManager.default.fileExists(atPath: marker), "no shell ran the command line")
        let served = try BinaryProcess.curl(["\(server.baseURL)/v1/specs/task-api/revisions/1/manifests"]).stdout
        #expect(try String(contentsOfFile: received, encoding: .utf8) == served)

        #expect(try rollOut(server, revision: 1, to: "prod").code == "201", "ran in dev first")

        let failed = try rollOut(server, revision: 2, to: "dev")
        #expect(failed.code == "201", "a failed apply is still recorded")
        #expect(failed.headers.contains("X-Apply-Status: failed"))
        let failedApply = json(failed.body)["apply"] as? [String: Any]
        #expect(failedApply?["status"] as? String == "failed")
        #expect(failedApply?["exitStatus"] as? Int == 7)
        #expect((failedApply?["outputTail"] as? String)?.contains("admission webhook denied") == true)
        let promoted = try rollOut(server, revision: 2, to: "prod")
        #expect(promoted.code == "409", "a revision whose apply failed in dev never ran there")
        #expect(promoted.body.contains("promotion-required"))

        let environments = json(try BinaryProcess.curl(["\(server.baseURL)/v1/environments"]).stdout)
        let names = (environments["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["dev", "prod"], "declared at start by --promotion")
    }

    @Test func aBadApplyCommandStopsTheServerFromStarting() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try BinaryProcess.trafficspecURL
        let database = directory.appendingPathComponent("t.db").path
        let missing = try BinaryProcess.run(
            binary, ["serve", "--listen", "127.0.0.1:0", "--db", database, "--apply-command", "no-such-kubectl apply -f -"])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("no-such-kubectl"))
        let quote = try BinaryProcess.run(
            binary, ["serve", "--listen", "127.0.0.1:0", "--db", database, "--apply-command", "kubectl 'apply"])
        #expect(quote.status == 2)
        let order = try BinaryProcess.run(binary, ["serve", "--listen", "127.0.0.1:0", "--db", database, "--promotion", "prod"])
        #expect(order.status == 2)
        #expect(order.stderr.contains("--promotion"))
    }
}
