import Foundation
import PackagePlugin

/// Compiles `<package root>/migrations/*.sql` into the target as one generated Swift file
/// (`EmbeddedMigrations.swift`), so the built binary carries its schema and never reads the source
/// tree at run time. Validation (names, numbering) happens in `MigrationEmbedder`, whose failure
/// fails the build with its message.
///
/// When it reruns: every `.sql` file is an input file, so editing one reruns the embedder. SwiftPM
/// caches the commands a plugin returns and asks the plugin again only when the package structure
/// changes (Package.swift, a target's file list, a clean build), and llbuild ignores directory
/// modification times; so a newly *added* migration file is picked up on the next build that
/// re-plans (as CI's fresh build always does). The embedder lists the directory itself when it
/// runs, so any rerun sees every file, and `EmbeddedMigrationsTests` fails when the embedded list
/// is stale, naming the fix (`touch Package.swift` or a clean build).
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
                inputFiles: inputs,
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
