import Foundation
@testable import TrafficCore
import TestSupport
import Testing

/// Prints how long each diff format takes on a large bundle (~370 KB of YAML). Runs only with
/// `DIFF_TIMING=1`; it reports figures and never gates.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DIFF_TIMING"] == "1"))
struct TimingDiffTests {
    /// 13 specs of 16 routes each (208 routes; the schema allows 16 per spec) with headers, two
    /// weighted backends and timeouts, rendered, plus renamed copies of every example bundle
    /// until the YAML reaches `bytes`.
    static func largeBundle(bytes: Int) throws -> [JSONValue] {
        var documents: [JSONValue] = []
        for part in 0..<13 {
            var spec = """
                version: trafficspec/v1
                name: big\(part)
                namespace: big\(part)
                gateway:
                  listeners:
                    - { name: http, protocol: HTTP, port: 80 }
                routes:

                """
            for index in 0..<16 {
                spec += """
                      - name: route-\(index)
                        pathPrefix: /api/r\(index)
                        headers: [{ name: x-tenant, value: t\(index) }]
                        backends: [{ service: svc-\(index), port: 8080, weight: 90 }, { service: svc-\(index)-canary, port: 8080, weight: 10 }]
                        timeouts: { request: 15s, backendRequest: 5s }

                    """
            }
            documents += ManifestRenderer.render(try SpecFixtures.spec(spec), context: .stateless).map(\.body)
        }
        let examples = try TestFiles.exampleNames().flatMap { try DiffFixtures.exampleManifests($0) }
        var copy = 0
        while DiffFixtures.yaml(documents).utf8.count < bytes {
            copy += 1
            for document in examples {
                guard case .object(var object) = document, case .object(var metadata)? = object["metadata"] else { continue }
                metadata["name"] = .string("\(metadata["name"]?.stringValue ?? "x")-copy\(copy)")
                object["metadata"] = .object(metadata)
                documents.append(.object(object))
            }
        }
        return documents
    }

    /// `value` with one scalar, reached by a random walk, replaced.
    static func editLeaf(_ value: JSONValue, edit: Int, generator: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(var object) where !object.isEmpty:
            let key = object.keys[Int(generator.next() % UInt64(object.count))]
            object[key] = editLeaf(object[key] ?? .null, edit: edit, generator: &generator)
            return .object(object)
        case .array(var items) where !items.isEmpty:
            let index = Int(generator.next() % UInt64(items.count))
            items[index] = editLeaf(items[index], edit: edit, generator: &generator)
            return .array(items)
        default:
            return .string("edited-\(edit)")
        }
    }

    static func time(_ label: String, runs: Int = 5, _ body: () -> Int) -> String {
        var best = Duration.seconds(1000)
        var size = 0
        for _ in 0..<runs {
            let start = ContinuousClock.now
            size = body()
            best = min(best, ContinuousClock.now - start)
        }
        let milliseconds = Double(best.components.attoseconds) / 1e15 + Double(best.components.seconds) * 1000
        return "\(label): \(String(format: "%.2f", milliseconds)) ms (best of \(runs), output \(size))"
    }

    @Test func largeBundleTimings() throws {
        let old = try Self.largeBundle(bytes: 370_000)
        var generator = SplitMix64(seed: 0x7131)
        var new = old
        // A few dozen scalar edits inside `spec`s spread over the bundle, plus a few structural
        // edits (list reorders, added and removed members) from the property-test mutator.
        for edit in 0..<36 {
            let index = Int(generator.next() % UInt64(new.count))
            guard case .object(var object) = new[index], let spec = object["spec"] else { continue }
            object["spec"] = Self.editLeaf(spec, edit: edit, generator: &generator)
            new[index] = .object(object)
        }
        var mutator = Mutator(generator: generator)
        for _ in 0..<6 {
            let index = Int(mutator.generator.next() % UInt64(new.count))
            guard case .object(var object) = new[index], let spec = object["spec"] else { continue }
            object["spec"] = mutator.mutate(spec)
            new[index] = .object(object)
        }
        let oldText = DiffFixtures.yaml(old)
        let newText = DiffFixtures.yaml(new)
        let diff = ManifestDiffer.diff(old: old, new: new)
        var lines = ["bundle: \(old.count) objects, \(oldText.utf8.count) bytes of YAML, \(diff.changedResourceCount) changed resources, \(diff.changes.flatMap(\.fields).count) field changes (\(Set(diff.changes.flatMap(\.fields).map(\.kind.rawValue)).sorted()))"]
        lines.append(Self.time("ManifestDiffer.diff") { ManifestDiffer.diff(old: old, new: new).changedResourceCount })
        lines.append(Self.time("ManifestDiffer.diff + json()") { ManifestDiffer.diff(old: old, new: new).json().serialized().utf8.count })
        lines.append(Self.time("ManifestDiffer.diff + jsonPatch()") { ManifestDiffer.diff(old: old, new: new).jsonPatch().serialized().utf8.count })
        lines.append(Self.time("UnifiedDiff.diff on YAML text") {
            UnifiedDiff.diff(old: oldText, new: newText, oldLabel: "big@4", newLabel: "big@7").utf8.count
        })
        lines.append(Self.time("UnifiedDiff.manifests (mask + align + encode + diff)") {
            UnifiedDiff.manifests(old: old, new: new, oldLabel: "big@4", newLabel: "big@7").utf8.count
        })
        print("DIFF TIMING\n" + lines.joined(separator: "\n"))
        #expect(!diff.isEmpty)
    }
}
