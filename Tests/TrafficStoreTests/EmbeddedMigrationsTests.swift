import Foundation
import Testing
@testable import TrafficStore

/// Guards the build-time embedding: the binary must carry exactly the files in `migrations/`.
@Suite("EmbeddedMigrations")
struct EmbeddedMigrationsTests {
    /// `<repo>/migrations`, found from this source file's location.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("migrations")

    static let staleHint = """
        the embedded migrations differ from migrations/: SwiftPM re-plans plugins only when the package \
        structure changes; run `touch Package.swift` (or build with a clean scratch path) and rebuild
        """

    @Test func embedded_matchesTheMigrationsDirectory() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        try #require(!names.isEmpty, "no migrations found at \(Self.directory.path)")
        #expect(EmbeddedMigrations.all.map { $0.identifier + ".sql" } == names, Comment(rawValue: Self.staleHint))
        for migration in EmbeddedMigrations.all {
            let onDisk = try String(contentsOf: Self.directory.appendingPathComponent(migration.identifier + ".sql"), encoding: .utf8)
            #expect(migration.sql == onDisk, Comment(rawValue: "\(migration.identifier): \(Self.staleHint)"))
        }
    }

    @Test func embedded_areNumberedWithoutGaps() {
        let numbers = EmbeddedMigrations.all.map { Int($0.identifier.prefix(4)) }
        #expect(numbers == Array(1...EmbeddedMigrations.all.count).map(Optional.some))
    }
}
