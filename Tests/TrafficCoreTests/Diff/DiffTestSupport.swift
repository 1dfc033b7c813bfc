import Foundation
@testable import TrafficCore
import TestSupport
import Testing

/// Reading diff inputs: golden cases and the example bundles.
enum DiffFixtures {
    static let folder = TestFiles.testdata.appendingPathComponent("diff")

    /// Every `testdata/diff/<case>.old.yaml`.
    static func cases() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".old.yaml") }.map { String($0.dropLast(".old.yaml".count)) }.sorted()
    }

    static func documents(_ text: String) throws -> [JSONValue] {
        try DocumentParser().parseAll(Array(text.utf8), format: .yaml).map(\.jsonValue)
    }

    static func documents(at url: URL) throws -> [JSONValue] {
        try documents(TestFiles.read(url))
    }

    /// `examples/<name>/manifests.yaml` as documents.
    static func exampleManifests(_ name: String) throws -> [JSONValue] {
        try documents(at: TestFiles.examples.appendingPathComponent("\(name)/manifests.yaml"))
    }

    /// `examples/<name>/spec.yaml` as one document.
    static func exampleSpec(_ name: String) throws -> JSONValue {
        let text = try TestFiles.read(TestFiles.examples.appendingPathComponent("\(name)/spec.yaml"))
        return try DocumentParser().parseSingle(Array(text.utf8), format: .yaml).jsonValue
    }

    /// Documents joined as `ManifestEncoder.yaml` joins them.
    static func yaml(_ documents: [JSONValue]) -> String {
        documents.map(ManifestEncoder.document).joined(separator: "---\n")
    }
}

/// Random edits of JSON documents: change scalars, add and remove members, add, remove and
/// reorder list items (including keyed lists such as listeners and rules).
struct Mutator {
    var generator: SplitMix64

    mutating func mutate(_ value: JSONValue) -> JSONValue {
        mutateNode(value, depth: 0)
    }

    private mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }
    private mutating func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }

    private mutating func scalar() -> JSONValue {
        switch pick(4) {
        case 0: .integer(Int64(pick(10_000)))
        case 1: .bool(chance(50))
        case 2: .string("v\(pick(1000))")
        default: .string("x/y~\(pick(9))")
        }
    }

    private mutating func mutateNode(_ value: JSONValue, depth: Int) -> JSONValue {
        switch value {
        case .object(var object):
            // Usually descend (edits deep inside documents are the common case), except at the
            // root where `apiVersion`/`kind`/`metadata` edits would only rename the resource.
            if !object.isEmpty, chance(depth == 0 ? 95 : 70) {
                let key = object.keys[pick(object.count)]
                object[key] = mutateNode(object[key] ?? .null, depth: depth + 1)
                return .object(object)
            }
            switch pick(3) {
            case 0 where !object.isEmpty: object[object.keys[pick(object.count)]] = nil
            case 1 where !object.isEmpty:
                // Key order only: rotate the keys (not a change at all).
                let pairs = object.map { ($0.key, $0.value) }
                let shift = pick(pairs.count)
                object = JSONObject(Array(pairs[shift...] + pairs[..<shift]))
            default: object["k\(pick(100))/~"] = scalar()
            }
            return .object(object)
        case .array(var items):
            if !items.isEmpty, chance(60) {
                let index = pick(items.count)
                items[index] = mutateNode(items[index], depth: depth + 1)
                return .array(items)
            }
            switch pick(4) {
            case 0 where !items.isEmpty: items.remove(at: pick(items.count))
            case 1 where items.count > 1: items.shuffle(using: &generator)
            case 2 where !items.isEmpty:
                // A copy of an item under a new name, so keyed lists stay keyed.
                var copy = items[pick(items.count)]
                if case .object(var object) = copy, object["name"] != nil {
                    object["name"] = .string("n\(generator.next() % 1_000_000)")
                    copy = .object(object)
                }
                items.insert(copy, at: pick(items.count + 1))
            default: items.insert(scalar(), at: pick(items.count + 1))
            }
            return .array(items)
        default:
            return scalar()
        }
    }
}

/// GNU `patch`, run on files in a temporary folder (test code may do I/O).
enum GNUPatch {
    static let path = "/usr/bin/patch"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The text `patch` makes of `old` with `diff`, or nil (with the reason recorded) on failure.
    static func apply(_ diff: String, to old: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let oldFile = folder.appendingPathComponent("old.yaml")
        let patchFile = folder.appendingPathComponent("change.diff")
        let outFile = folder.appendingPathComponent("out.yaml")
        try Data(old.utf8).write(to: oldFile)
        try Data(diff.utf8).write(to: patchFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--batch", "--silent", "--force", "-o", outFile.path, "-i", patchFile.path, oldFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let message = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("patch exited \(process.terminationStatus): \(message)\n--- diff:\n\(diff)", sourceLocation: sourceLocation)
            return nil
        }
        // patch may delete an output that ends up empty.
        guard FileManager.default.fileExists(atPath: outFile.path) else { return "" }
        return String(decoding: try Data(contentsOf: outFile), as: UTF8.self)
    }
}
