import Foundation

// MigrationEmbedder --output <file.swift> [--directory <migrations dir>] [<migration.sql>...]
//
// Build tool for the EmbedMigrations plugin: validates migration file names and writes a Swift file
// declaring `enum EmbeddedMigrations { static let all: [(identifier: String, sql: String)] }`.
// Any problem exits non-zero with a message naming the file, which fails the build.

do {
    let arguments = try EmbedderArguments(CommandLine.arguments.dropFirst())
    // The directory is listed here, at build time, rather than only by the plugin: SwiftPM may reuse
    // a cached plugin result, and then a newly added file would be missed.
    var inputs = arguments.inputs
    for directory in arguments.directories {
        inputs += try MigrationFile.sqlFiles(in: directory)
    }
    let files = try MigrationFile.load(Array(Set(inputs)))
    let source = EmbeddedSource.render(files)
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments.output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: MigrationEmbedder: \(error)\n".utf8))
    exit(1)
}
