import ArgumentParser
import Foundation
import TrafficCore

/// `trafficspec render`: a spec file in, its Kubernetes manifests out — the same core the
/// server uses, offline, for CI.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a traffic spec to Kubernetes manifests.",
        discussion: """
            Prints multi-document YAML (or a JSON v1 List) on standard output, ready for \
            `kubectl apply -f -`. Exit status: 0 rendered, 1 the spec has errors (each printed \
            as file:line:column: path: message), 2 usage or unreadable input.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Argument(help: "The spec file (YAML or JSON), or - for standard input.")
    var file: String

    @Option(name: .long, help: "Output format: yaml or json.")
    var format: OutputFormat = .yaml

    @Option(name: .long, help: "Only these kinds, comma-separated (e.g. Gateway,HTTPRoute).")
    var kind: String?

    func run() throws {
        let input: InputFile
        do {
            input = try InputFile.read(file)
        } catch {
            printError("trafficspec render: \(error)")
            throw ExitCode(2)
        }
        let document: SpecDocument
        do {
            document = try SpecDocument.parse(input.bytes, format: input.format)
        } catch {
            switch error {
            case .malformed(let problem):
                let position = problem.location.map { ":\($0.line):\($0.column)" } ?? ""
                printError("\(input.displayName)\(position): \(problem.message)")
                throw ExitCode(2)
            case .invalid(let errors):
                for error in errors { printError(error.formatted(file: input.displayName)) }
                throw ExitCode.failure
            }
        }
        switch TrafficSpecDecoder.decode(document.root) {
        case .failure(let errors):
            for error in errors.errors { printError(error.formatted(file: input.displayName)) }
            throw ExitCode.failure
        case .success(let spec):
            var manifests = ManifestRenderer.render(spec, context: .stateless)
            if let kind { manifests = ManifestFilter.byKind(manifests, kinds: kind) }
            let text = format == .json ? ManifestEncoder.jsonList(manifests) : ManifestEncoder.yaml(manifests)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
