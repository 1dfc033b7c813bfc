import Foundation
import MiniHTTP
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct BusyDatabaseTests {
    /// Another process holds the write lock past the busy timeout: the write is answered 503
    /// with `Retry-After`, nothing is stored, and reads keep working (WAL readers never block).
    @Test func lockedDatabaseGives503WithRetryAfter() throws {
        let fixture = try APIFixture(busyTimeoutMilliseconds: 200)
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "first")).status.code == 201)

        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", fixture.databasePath]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        // Wait until the lock is really held before writing.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked") {
            seen.append(output.fileHandleForReading.availableData)
        }

        let response = try fixture.post("/v1/specs", yaml: minimalSpec(name: "second"))
        #expect(response.status.code == 503)
        #expect(response.headers["Retry-After"] == "1")
        #expect(response.json["type"] as? String == "urn:trafficspec:problem:busy")
        #expect(try fixture.send(.get, "/v1/specs/first").status.code == 200, "reads are not blocked by the writer")

        input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(try fixture.send(.get, "/v1/specs/second").status.code == 404, "the refused write left nothing")
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "second")).status.code == 201)
    }
}
