@testable import TrafficCore
import TestSupport
import Testing

/// Seeded random mutations of the example bundles: every patch reproduces the new object,
/// every diff of a bundle with itself is empty, and GNU patch reproduces the new YAML.
@Suite struct PropertyDiffTests {
    static let examples = TestFiles.exampleNames()

    /// `count` mutated copies of `documents`, each with 1–5 random edits.
    static func mutations(of documents: [JSONValue], seed: UInt64, count: Int) -> [[JSONValue]] {
        var mutator = Mutator(generator: SplitMix64(seed: seed))
        return (0..<count).map { _ in
            var result = documents
            for _ in 0...Int(mutator.generator.next() % 5) {
                let index = Int(mutator.generator.next() % UInt64(result.count))
                result[index] = mutator.mutate(result[index])
            }
            return result
        }
    }

    @Test(arguments: examples)
    func diffOfSelfIsEmpty(_ name: String) throws {
        let manifests = try DiffFixtures.exampleManifests(name)
        #expect(!manifests.isEmpty)
        #expect(ManifestDiffer.diff(old: manifests, new: manifests).isEmpty)
        #expect(UnifiedDiff.manifests(old: manifests, new: manifests, oldLabel: "a", newLabel: "b").isEmpty)
        let spec = try DiffFixtures.exampleSpec(name)
        #expect(SpecDiffer.diff(old: spec, new: spec, name: name).isEmpty)
    }

    @Test(arguments: examples)
    func patchTurnsOldIntoNew(_ name: String) throws {
        let manifests = try DiffFixtures.exampleManifests(name)
        let oldByKey = Dictionary(ManifestDiffer.keyed(manifests), uniquingKeysWith: { first, _ in first })
        var nonEmpty = 0
        var operations = Set<JSONPatchOperation.Op>()
        for (round, mutated) in Self.mutations(of: manifests, seed: 0xD1FF ^ UInt64(name.utf8.count), count: 60).enumerated() {
            let newByKey = Dictionary(ManifestDiffer.keyed(mutated), uniquingKeysWith: { first, _ in first })
            let diff = ManifestDiffer.diff(old: manifests, new: mutated)
            if !diff.isEmpty { nonEmpty += 1 }
            // Every resource the diff omits is equal; every change reproduces the new object.
            for key in Set(oldByKey.keys).union(newByKey.keys) where !diff.changes.contains(where: { $0.key == key }) {
                #expect(oldByKey[key] == newByKey[key], "round \(round): \(key) differs but is not reported")
            }
            for change in diff.changes {
                operations.formUnion(change.patch.map(\.op))
                switch change.type {
                case .changed:
                    let old = try #require(oldByKey[change.key])
                    let result = try JSONPatch.apply(change.patch, to: old)
                    #expect(result == newByKey[change.key], "round \(round): patch of \(change.key) is wrong: \(change.patch.map(\.json))")
                    #expect(change.fields.count == change.patch.count)
                case .added:
                    #expect(try JSONPatch.apply(change.patch, to: .null) == newByKey[change.key])
                case .removed:
                    #expect(newByKey[change.key] == nil && oldByKey[change.key] != nil)
                }
            }
        }
        #expect(nonEmpty > 30, "mutations should mostly change something")
        #expect(operations.isSuperset(of: [.add, .remove, .replace]))
    }

    @Test func patchOperationsIncludeMovesSomewhere() throws {
        var moves = 0
        for name in Self.examples {
            let manifests = try DiffFixtures.exampleManifests(name)
            for mutated in Self.mutations(of: manifests, seed: 0x5EED, count: 60) {
                moves += ManifestDiffer.diff(old: manifests, new: mutated).changes.flatMap(\.patch).filter { $0.op == .move }.count
            }
        }
        #expect(moves > 0)
    }

    /// Random permutations of keyed lists (plus removed, added and edited items): the patch is
    /// exact, and an item present on both sides is never removed and re-added.
    @Test func keyedListPermutations() throws {
        var generator = SplitMix64(seed: 0x11575)
        var moves = 0
        for round in 0..<300 {
            let count = Int(generator.next() % 8) + 1
            let old = (0..<count).map { index -> JSONValue in ["name": .string("l\(index)"), "port": .integer(Int64(index))] }
            var new = old.shuffled(using: &generator)
            if generator.next() % 3 == 0 { new.remove(at: Int(generator.next() % UInt64(new.count))) }
            if generator.next() % 3 == 0 {
                new.insert(["name": "added", "port": 1], at: Int(generator.next() % UInt64(new.count + 1)))
            }
            if !new.isEmpty, generator.next() % 2 == 0 {
                let index = Int(generator.next() % UInt64(new.count))
                if case .object(var item) = new[index] {
                    item["port"] = 9999
                    new[index] = .object(item)
                }
            }
            let before = ManifestDiffTests.gateway(old)
            let after = ManifestDiffTests.gateway(new)
            let diff = ManifestDiffer.diff(old: [before], new: [after])
            guard let change = diff.changes.first else {
                #expect(before == after, "round \(round)")
                continue
            }
            #expect(try JSONPatch.apply(change.patch, to: before) == after, "round \(round): \(change.patch.map(\.json))")
            let common = Set(old.compactMap { $0["name"]?.stringValue }).intersection(new.compactMap { $0["name"]?.stringValue })
            for field in change.fields where field.kind == .added || field.kind == .removed {
                let name = (field.new ?? field.old)?["name"]?.stringValue
                #expect(name.map { !common.contains($0) } ?? true, "round \(round): \(field)")
            }
            moves += change.patch.filter { $0.op == .move }.count
        }
        #expect(moves > 100)
    }

    @Test(arguments: examples)
    func gnuPatchReproducesNewYAML(_ name: String) throws {
        guard GNUPatch.isAvailable else {
            Issue.record("SKIPPED: \(GNUPatch.path) is not installed")
            return
        }
        let manifests = try DiffFixtures.exampleManifests(name)
        let oldText = DiffFixtures.yaml(manifests)
        for (round, mutated) in Self.mutations(of: manifests, seed: 0xBEEF, count: 6).enumerated() {
            let newText = DiffFixtures.yaml(mutated)
            for context in [0, 3] {
                let diff = UnifiedDiff.diff(old: oldText, new: newText, oldLabel: "\(name)@4", newLabel: "\(name)@7", context: context)
                if oldText == newText {
                    #expect(diff.isEmpty)
                    continue
                }
                let patched = try GNUPatch.apply(diff, to: oldText)
                #expect(patched == newText, "round \(round), context \(context)")
            }
        }
    }
}
