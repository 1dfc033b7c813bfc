import Foundation
import PackagePlugin

/// Compiles `<package root>/migrations/*.sql` into the target as one generated Swift file
/// (`EmbeddedMigrations.swift`), so the built binary carries its schema and never reads the source
/// tree at run time.
///
/// Every `.sql` file is an input of the build command, so editing one reruns the embedder; the
/// plugin itself runs at every build and lists the directory afresh, so an added or removed file
/// changes the command and reruns it too. Validation (names, numbering) happens in
/// `MigrationEmbedder`, whose failure fails the build with its message.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "migrations", directoryHint: .isDirectory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            // A binary without its schema would fail only at run time; fail the build instead.
            throw EmbedMigrationsError(message: "cannot list \(directory.path): \(error.localizedDescription)")
        }
        let inputs = names
            .filter { $0.hasSuffix(".sql") }
            .sorted()
            .map { directory.appending(path: $0, directoryHint: .notDirectory) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        let tool = try context.tool(named: "MigrationEmbedder")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) migration(s) into \(target.name)",
                executable: tool.url,
                arguments: ["--output", output.path, "--directory", directory.path],
                // The files, so that editing one reruns the command; the directory, whose
                // modification time changes when a file is added or removed.
                inputFiles: [directory] + inputs,
                outputFiles: [output]
            ),
        ]
    }
}

/// A failure to plan the build command; SwiftPM shows the description and fails the build.
struct EmbedMigrationsError: Error, CustomStringConvertible {
    var message: String

    var description: String {
        "EmbedMigrations: \(message)"
    }
}
