import Foundation
import PackagePlugin

/// Compiles `<package root>/schemas/*.kschema` into the target as `EmbeddedSchemas.files`, so
/// the built-in kind schemas travel inside the binary.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "schemas", directoryHint: .isDirectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".kschema") }.sorted()
        let inputs = names.map { folder.appending(path: $0, directoryHint: .notDirectory) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemas.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) kind schemas into \(target.name)",
                executable: try context.tool(named: "TextEmbedder").url,
                arguments: ["--output", output.path, "--symbol", "EmbeddedSchemas", "--files"] + inputs.map(\.path),
                inputFiles: inputs + [folder],
                outputFiles: [output]
            ),
        ]
    }
}
