import Foundation
@testable import TrafficCore
import Testing

/// Paths into the source tree, found from this file's location (test code may do I/O).
enum TestFiles {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let testdata = testsDirectory.appendingPathComponent("testdata")
    static let examples = repositoryRoot.appendingPathComponent("examples")
    /// The workspace's shared folder (CRDs, corpus), beside the repository as in CI.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Every `*.yaml` file below `folder`, sorted, as paths relative to it.
    static func yamlFiles(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { files.append(path) }
        }
        return files.sorted()
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// Names of the golden render cases: every `testdata/render/<case>.in.yaml`.
    static func renderCases() -> [String] {
        let folder = testdata.appendingPathComponent("render")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".in.yaml") }.map { String($0.dropLast(".in.yaml".count)) }.sorted()
    }

    /// Every `examples/<name>/spec.yaml`.
    static func exampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/spec.yaml").path) }.sorted()
    }
}

/// Golden-file comparison. `UPDATE_GOLDEN=1` rewrites the file and FAILS the test, so a CI run
/// can never pass by regenerating; a mismatch reports the first differing line.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, against url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded \(url.path); run again without UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? TestFiles.read(url) else {
            Issue.record("missing golden file \(url.path); create it with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record("\(url.lastPathComponent) differs:\n\(firstDifference(expected: expected, actual: actual))",
            sourceLocation: sourceLocation)
    }

    static func firstDifference(expected: String, actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let want = index < left.count ? String(left[index]) : "<end of file>"
            let got = index < right.count ? String(right[index]) : "<end of file>"
            if want != got {
                let context = right[max(0, index - 3)..<min(right.count, index + 3)].joined(separator: "\n")
                return "line \(index + 1):\n- expected: \(want)\n+ actual:   \(got)\ncontext (actual):\n\(context)"
            }
        }
        return "(identical lines; trailing newline differs)"
    }
}

/// Decoding helpers shared by the tests.
enum SpecFixtures {
    static func decode(_ text: String) -> Result<TrafficSpec, TrafficSpecErrors> {
        do {
            let root = try DocumentParser().parseSingle(Array(text.utf8), format: .yaml)
            return TrafficSpecDecoder.decode(root)
        } catch {
            return .failure(TrafficSpecErrors([FieldError(path: "", message: "parse error: \(error)")]))
        }
    }

    static func spec(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> TrafficSpec {
        switch decode(text) {
        case .success(let spec): return spec
        case .failure(let errors):
            Issue.record("spec does not decode:\n\(errors)", sourceLocation: sourceLocation)
            throw errors
        }
    }
}
