import Foundation
@testable import TrafficCore
import Testing

/// Golden cases: `testdata/diff/<case>.old.yaml` + `.new.yaml` → `<case>.unified.diff` and
/// `<case>.json` (the pretty `ManifestDiff.json()`). `UPDATE_GOLDEN=1` rewrites the expected
/// files and fails. Each case also has an explicit expectation below, so a wrong golden file
/// recorded by mistake still fails.
@Suite struct GoldenDiffTests {
    struct Outputs {
        var diff: ManifestDiff
        var unified: String
        var json: String
        var patch: String
        var old: [JSONValue]
        var new: [JSONValue]
    }

    static func outputs(_ name: String) throws -> Outputs {
        let old = try DiffFixtures.documents(at: DiffFixtures.folder.appendingPathComponent("\(name).old.yaml"))
        let new = try DiffFixtures.documents(at: DiffFixtures.folder.appendingPathComponent("\(name).new.yaml"))
        let diff = ManifestDiffer.diff(old: old, new: new)
        let unified = UnifiedDiff.manifests(old: old, new: new, oldLabel: "\(name)@old", newLabel: "\(name)@new")
        return Outputs(diff: diff, unified: unified, json: diff.json().serialized(.init(pretty: true)),
            patch: diff.jsonPatch().serialized(.init(pretty: true)), old: old, new: new)
    }

    @Test func everyChangeClassHasACase() {
        let cases = Set(DiffFixtures.cases())
        for required in ["field-changed", "resource-added", "resource-removed", "listener-reorder", "key-order-only",
            "secret-changed", "renamed"]
        {
            #expect(cases.contains(required), "missing golden case \(required)")
        }
    }

    @Test(arguments: DiffFixtures.cases())
    func goldenFiles(_ name: String) throws {
        let outputs = try Self.outputs(name)
        Golden.check(outputs.unified, against: DiffFixtures.folder.appendingPathComponent("\(name).unified.diff"))
        Golden.check(outputs.json, against: DiffFixtures.folder.appendingPathComponent("\(name).json"))
    }

    /// GNU patch turns the old YAML (masked, as the unified diff shows it) into the new.
    @Test(arguments: DiffFixtures.cases())
    func unifiedDiffAppliesWithGNUPatch(_ name: String) throws {
        guard GNUPatch.isAvailable else {
            Issue.record("SKIPPED: \(GNUPatch.path) is not installed")
            return
        }
        let outputs = try Self.outputs(name)
        guard !outputs.unified.isEmpty else { return }
        let old = DiffFixtures.yaml(Redaction.masked(outputs.old))
        let newDocuments = Redaction.masked(outputs.new)
        let patched = try GNUPatch.apply(outputs.unified, to: old)
        // Key order is aligned to the old side, so compare content document by document.
        let result = try DiffFixtures.documents(#require(patched))
        #expect(result == newDocuments)
    }

    @Test func fieldChanged() throws {
        let diff = try Self.outputs("field-changed").diff
        #expect(diff.changes.map(\.type) == [.changed, .changed])
        let gateway = try #require(diff.changes.first { $0.key.kind == "Gateway" })
        #expect(gateway.fields == [FieldChange(path: "/spec/listeners/0/port", kind: .replaced, old: 80, new: 8080)])
        let route = try #require(diff.changes.first { $0.key.kind == "HTTPRoute" })
        #expect(route.fields.map(\.path).contains("/metadata/annotations/a~1b~0c"))
        #expect(route.fields.contains(FieldChange(path: "/spec/rules/0/timeouts", kind: .added, new: ["request": "10s"])))
    }

    @Test func resourceAddedAndRemoved() throws {
        let added = try Self.outputs("resource-added").diff
        #expect(added.changes.map(\.type) == [.added])
        #expect(added.changes.first?.key == ResourceKey(apiVersion: "cert-manager.io/v1", kind: "Certificate",
            namespace: "task-api", name: "task-api-tls"))
        let removed = try Self.outputs("resource-removed").diff
        #expect(removed.changes.map(\.type) == [.removed])
        #expect(removed.changes.first?.key.description == "Certificate/task-api/task-api-tls")
    }

    @Test func listenerReorderIsAMoveNotRemoveAndAdd() throws {
        let diff = try Self.outputs("listener-reorder").diff
        let change = try #require(diff.changes.first)
        #expect(change.fields.map(\.kind) == [.moved, .replaced])
        #expect(change.fields.first == FieldChange(path: "/spec/listeners/3", kind: .moved, from: "/spec/listeners/0"))
        #expect(change.fields.last == FieldChange(path: "/spec/listeners/2/port", kind: .replaced, old: 9090, new: 9091))
    }

    @Test func keyOrderOnlyIsNoChange() throws {
        let outputs = try Self.outputs("key-order-only")
        #expect(outputs.diff.isEmpty)
        #expect(outputs.unified.isEmpty)
    }

    @Test func secretValuesNeverAppear() throws {
        let outputs = try Self.outputs("secret-changed")
        let change = try #require(outputs.diff.changes.first)
        #expect(Set(change.fields.map(\.path)) == ["/data/password", "/data/apiKey", "/stringData/token"])
        let plain = ["aHVudGVyMg==", "Y29ycmVjdGhvcnNl", "c2stbGl2ZS1rZXk=", "plain-old-token-value", "plain-new-token-value", "YWRtaW4="]
        for text in [outputs.unified, outputs.json, outputs.patch] {
            for secret in plain { #expect(!text.contains(secret), "\(secret) leaked") }
        }
        #expect(outputs.json.contains("\"<redacted>\""))
        #expect(outputs.unified.contains("-  password: <redacted:"))
        #expect(outputs.unified.contains("+  password: <redacted:"))
    }

    @Test func renameIsRemovePlusAdd() throws {
        let diff = try Self.outputs("renamed").diff
        #expect(diff.changes.map(\.type).sorted { $0.rawValue < $1.rawValue } == [.added, .removed])
        #expect(Set(diff.changes.map(\.key.name)) == ["task-api", "task-api-limits"])
    }
}
