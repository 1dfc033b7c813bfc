import Foundation

/// The `sqlite3` command-line shell, as someone with access to the database file would use it.
enum SQLiteShell {
    static let path = "/usr/bin/sqlite3"

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs `sql` against the database at `database` and returns standard output; throws when the
    /// shell exits non-zero.
    @discardableResult
    static func run(_ sql: String, database: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // -bail: stop at the first error, so a refused statement makes the exit status non-zero.
        process.arguments = ["-bail", database, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(status: process.terminationStatus, message: errorText)
        }
        return text
    }

    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var message: String
        var description: String { "sqlite3 exited \(status): \(message)" }
    }
}
