import Foundation
import Synchronization
import Testing
import TestSupport

/// SIGKILL in the middle of a stream of writes must lose no acknowledged revision and leave a
/// database that passes `PRAGMA integrity_check`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct CrashSafetyTests {
    @Test func killedServerLosesNoAcknowledgedRevision() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("crash.db").path
        var acknowledged: [Int] = []
        var generator = SplitMix64(seed: 0x7261_6666_6963)

        for round in 0..<3 {
            let server = try ServerProcess(database: database)
            if round == 0 {
                let created = try BinaryProcess.curl([
                    "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "\(server.baseURL)/v1/specs",
                    "--data-binary", minimalSpec(name: "crash", path: "/v0"),
                ])
                #expect(created.stdout == "201")
                acknowledged.append(1)
            }
            // Writers post distinct content until the server dies under them.
            let acks = Mutex<[Int]>([])
            let baseURL = server.baseURL
            let writers = DispatchGroup()
            for writer in 0..<3 {
                DispatchQueue.global().async(group: writers) {
                    for sequence in 0..<10_000 {
                        let body = minimalSpec(name: "crash", path: "/v\(round)-\(writer)-\(sequence)")
                        guard let result = try? BinaryProcess.curl([
                            "-X", "POST", "\(baseURL)/v1/specs/crash/revisions", "--data-binary", body,
                        ]), result.status == 0 else { return }
                        if let revision = Self.revisionNumber(in: result.stdout) {
                            acks.withLock { $0.append(revision) }
                        }
                    }
                }
            }
            Thread.sleep(forTimeInterval: 0.3 + Double(generator.next() % 700) / 1000)
            _ = server.stop(signal: SIGKILL)
            writers.wait()
            acknowledged += acks.withLock { $0 }
        }

        let integrity = try BinaryProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", database, "PRAGMA integrity_check;"])
        #expect(integrity.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")

        let server = try ServerProcess(database: database)
        defer { _ = server.stop() }
        let latest = try BinaryProcess.curl(["\(server.baseURL)/v1/specs/crash"])
        let stored = try #require(Self.integer(named: "latestRevision", in: latest.stdout))
        #expect(acknowledged.count > 3, "the writers must have made progress")
        #expect(Set(acknowledged).count == acknowledged.count, "no revision number acknowledged twice")
        #expect(acknowledged.allSatisfy { $0 <= stored }, "every acknowledged revision is present")
        for number in Set(acknowledged).sorted().suffix(20) {
            let response = try BinaryProcess.curl(["-o", "/dev/null", "-w", "%{http_code}",
                "\(server.baseURL)/v1/specs/crash/revisions/\(number)"])
            #expect(response.stdout == "200", "revision \(number)")
        }
        let count = try BinaryProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["sqlite3", database, "SELECT COUNT(*) = MAX(number) FROM revisions;"])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "revision numbers have no gaps")
    }

    static func revisionNumber(in json: String) -> Int? { integer(named: "revision", in: json) }

    static func integer(named key: String, in json: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object[key] as? Int
    }
}

