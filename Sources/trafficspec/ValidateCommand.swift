import ArgumentParser
import Foundation
import TrafficCore

/// `trafficspec validate`: checks Kubernetes manifests — ours or anyone's — offline, before
/// `kubectl apply`, with stable finding codes for CI.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check Kubernetes manifests against the CRD schemas and for Gateway API / Envoy Gateway mistakes.",
        discussion: """
            All files are checked as one bundle, so references may cross files. Exit status: 0 no \
            error findings, 1 error findings (or warnings with --strict), 2 usage or unreadable \
            input. Codes are listed in docs/diagnostics.md.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @Argument(help: "Manifest files (multi-document YAML, JSON, or a List), or - for standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Output format: text (one line per finding), json or junit.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(name: .long, help: "Also load the CRDs in this folder (repeatable); they override built-in schemas of the same kind and version.")
    var crdDir: [String] = []

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one manifest file, or - for standard input") }
        guard files.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        var catalog = SchemaCatalog.builtin
        var inputs: [ManifestValidator.Input] = []
        do {
            for folder in crdDir { catalog = catalog.adding(try CRDDirectory.load(folder)) }
            for file in files {
                let input = try InputFile.read(file)
                inputs.append(ManifestValidator.Input(source: input.displayName, bytes: input.bytes))
            }
        } catch {
            printError("trafficspec validate: \(error)")
            throw ExitCode(2)
        }
        let report = ManifestValidator(catalog: catalog).validate(inputs)
        let output: String
        switch format {
        case .text: output = report.text()
        case .json: output = report.json(strict: strict).serialized(.init(pretty: true)) + "\n"
        case .junit: output = report.junit(strict: strict)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if format == .text { printError(report.summaryLine) }
        if report.fails(strict: strict) { throw ExitCode.failure }
    }
}
