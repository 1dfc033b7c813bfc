import Foundation
import Synchronization

/// Locates and runs the built `trafficspec` binary and other commands for end-to-end tests.
enum BinaryProcess {
    /// The `trafficspec` executable SwiftPM built next to the test bundle.
    static var trafficspecURL: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL.deletingLastPathComponent(),
                Bundle.main.bundleURL,
            ].map { $0.appendingPathComponent("trafficspec") }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw CLITestError("trafficspec binary not found next to the tests (looked in \(candidates.map(\.path)))")
            }
            return found
        }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command to completion (no shell), capturing its output.
    static func run(_ executable: URL, _ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// curl against a test server, as its bootstrap admin.
    static func curl(_ arguments: [String]) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["curl", "-sS", "--max-time", "10"] + ServerProcess.curlAuthorization + arguments)
    }
}

struct CLITestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A `trafficspec serve` child process on an ephemeral port.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let stderrLines = LockedLines()

    /// Starts the server on `127.0.0.1:0` and waits for its "listening" log line, which names
    /// the port the kernel chose.
    /// The admin secret the server bootstraps with (TRAFFICSPEC_ADMIN_TOKEN) on a new database.
    static let adminToken = "tsk_cli-test-admin-secret-0123456789abcdef"
    /// `-H Authorization: Bearer …` for curl.
    static let curlAuthorization = ["-H", "Authorization: Bearer \(adminToken)"]

    /// - Parameter bootstrapToken: the TRAFFICSPEC_ADMIN_TOKEN to start with; nil lets the
    ///   server generate and print one.
    init(database: String, extraArguments: [String] = [], bootstrapToken: String? = ServerProcess.adminToken) throws {
        process.executableURL = try BinaryProcess.trafficspecURL
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--db", database] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["TRAFFICSPEC_ADMIN_TOKEN"] = bootstrapToken
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let found = LockedPort()
        let lines = stderrLines
        let ready = DispatchSemaphore(value: 0)
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                ready.signal()
                return
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                lines.append(String(line))
                if line.contains("listening"), let range = line.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                    let port = Int(line[range].split(separator: ":").last ?? "")
                    if found.setOnce(port) { ready.signal() }
                }
            }
        }
        _ = ready.wait(timeout: .now() + 30)
        guard let port = found.value else {
            process.terminate()
            throw CLITestError("server did not report its port; stderr: \(stderrLines.all)")
        }
        self.port = port
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var log: [String] { stderrLines.all }

    func stop(signal: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trafficspec-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}


/// Lines a child process wrote, shared with the pipe's reading thread.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// The port a server reported, set once by the pipe's reading thread.
final class LockedPort: Sendable {
    private let port = Mutex<Int?>(nil)
    /// Stores `value` if none was stored yet; true when this call stored it.
    func setOnce(_ value: Int?) -> Bool {
        port.withLock { current in
            guard current == nil, let value else { return false }
            current = value
            return true
        }
    }
    var value: Int? { port.withLock { $0 } }
}
