import ArgumentParser
import Foundation
import TrafficCore

/// `trafficspec diff OLD NEW`: what changed, for people (unified) and scripts (json, patch).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two specs or two manifest bundles.",
        discussion: """
            Each file is detected as a traffic spec (a mapping with `version: trafficspec/…`) or \
            as Kubernetes manifests (multi-document YAML, JSON, or a List). Two specs are \
            compared by what they render to, or as specs with --of spec. Key order and \
            formatting never count as changes; Secret values are never printed. \
            Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case unified, json, patch }
    enum Subject: String, ExpressibleByArgument, CaseIterable { case manifests, spec }

    @Argument(help: "The older file, or - for standard input.") var old: String
    @Argument(help: "The newer file, or - for standard input.") var new: String
    @Option(name: .long, help: "unified (default), json or patch (RFC 6902).") var format: Format = .unified
    @Option(name: .long, help: "For two specs: compare their rendered manifests (default) or the specs.")
    var of: Subject = .manifests
    @Option(name: .long, help: "Lines of context in unified output.") var context: Int = 3

    func validate() throws {
        guard (0...1000).contains(context) else { throw ValidationError("--context must be from 0 to 1000") }
        guard !(old == "-" && new == "-") else { throw ValidationError("only one of OLD and NEW can be standard input") }
    }

    func run() throws {
        let before = try load(old)
        let after = try load(new)
        let diff: ManifestDiff
        let unified: () -> String
        switch (before, after) {
        case (.spec(let oldSpec, let oldJSON), .spec(let newSpec, let newJSON)):
            if of == .spec {
                diff = SpecDiffer.diff(old: oldJSON, new: newJSON, name: newSpec.name)
                unified = { UnifiedDiff.spec(old: oldJSON, new: newJSON, oldLabel: old, newLabel: new, context: context) }
            } else {
                let oldManifests = ManifestRenderer.render(oldSpec, context: .stateless).map(\.body)
                let newManifests = ManifestRenderer.render(newSpec, context: .stateless).map(\.body)
                diff = ManifestDiffer.diff(old: oldManifests, new: newManifests)
                unified = {
                    UnifiedDiff.manifests(old: oldManifests, new: newManifests, oldLabel: old, newLabel: new, context: context)
                }
            }
        default:
            guard of == .manifests else { fail("--of spec needs two spec files") }
            let oldManifests = try before.manifests(file: old)
            let newManifests = try after.manifests(file: new)
            diff = ManifestDiffer.diff(old: oldManifests, new: newManifests)
            unified = {
                UnifiedDiff.manifests(old: oldManifests, new: newManifests, oldLabel: old, newLabel: new, context: context)
            }
        }
        let output: String
        switch format {
        case .unified: output = diff.isEmpty ? "" : unified()
        case .json: output = diff.json().serialized(.init(pretty: true))
        case .patch: output = diff.jsonPatch().serialized(.init(pretty: true))
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if !diff.isEmpty { throw ExitCode.failure }
    }

    /// A file read as a spec when it is one, otherwise as a bundle of manifests.
    private enum Loaded {
        case spec(TrafficSpec, JSONValue)
        case manifests([JSONValue])

        func manifests(file: String) throws -> [JSONValue] {
            switch self {
            case .manifests(let documents): return documents
            case .spec(let spec, _): return ManifestRenderer.render(spec, context: .stateless).map(\.body)
            }
        }
    }

    private func load(_ path: String) throws -> Loaded {
        let input: InputFile
        let documents: [SourceNode]
        do {
            input = try InputFile.read(path)
            documents = try DocumentParser(schema: .yaml11).parseAll(input.bytes, format: input.format)
        } catch let error as DocumentError {
            let position = error.location.map { ":\($0.line):\($0.column)" } ?? ""
            fail("\(path)\(position): \(error.message)")
        } catch {
            fail("\(error)")
        }
        if documents.count == 1, let root = documents.first, TrafficSpecDecoder.isTrafficSpec(root) {
            // Specs are read with YAML 1.2 typing, as the server reads them.
            let specRoot = (try? DocumentParser().parseSingle(input.bytes, format: input.format)) ?? root
            switch TrafficSpecDecoder.decode(specRoot) {
            case .success(let spec): return .spec(spec, specRoot.jsonValue)
            case .failure(let errors):
                for error in errors.errors { printError(error.formatted(file: input.displayName)) }
                throw ExitCode(2)
            }
        }
        var objects: [JSONValue] = []
        for document in documents {
            let value = document.jsonValue
            if value["kind"]?.stringValue == "List", let items = value["items"]?.arrayValue {
                objects += items
            } else if !value.isNull {
                objects.append(value)
            }
        }
        return .manifests(objects)
    }

    private func fail(_ message: String) -> Never {
        printError("trafficspec diff: \(message)")
        Foundation.exit(2)
    }
}
