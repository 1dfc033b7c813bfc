import PackagePlugin

/// Compiles `<package root>/openapi.yaml` into the target as `EmbeddedOpenAPI.text`, so the
/// server serves the contract it was built with, without the source tree at run time.
@main
struct EmbedOpenAPI: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "openapi.yaml", directoryHint: .notDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedOpenAPI.swift")
        return [
            .buildCommand(
                displayName: "Embedding openapi.yaml into \(target.name)",
                executable: try context.tool(named: "TextEmbedder").url,
                arguments: ["--output", output.path, "--symbol", "EmbeddedOpenAPI", input.path],
                inputFiles: [input],
                outputFiles: [output]
            ),
        ]
    }
}
