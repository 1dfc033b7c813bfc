@testable import TrafficCore
import Testing

/// `ManifestDiffer`, `SpecDiffer`, `ListKeys` and `Redaction` on small hand-written values.
@Suite struct ManifestDiffTests {
    static func gateway(_ listeners: [JSONValue], name: String = "gw") -> JSONValue {
        ["apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway",
         "metadata": ["name": .string(name), "namespace": "ns"], "spec": ["listeners": .array(listeners)]]
    }

    @Test func keyedListOfHeadersMatchesByName() throws {
        let old: JSONValue = ["kind": "HTTPRoute", "metadata": ["name": "r"], "filters": [
            ["set": [["name": "a", "value": "1"], ["name": "b", "value": "2"]]]]]
        let new: JSONValue = ["kind": "HTTPRoute", "metadata": ["name": "r"], "filters": [
            ["set": [["name": "c", "value": "3"], ["name": "b", "value": "2"], ["name": "a", "value": "9"]]]]]
        let change = try #require(ManifestDiffer.diff(old: [old], new: [new]).changes.first)
        #expect(change.fields.map(\.kind) == [.moved, .added, .replaced])
        #expect(change.fields.last == FieldChange(path: "/filters/0/set/2/value", kind: .replaced, old: "1", new: "9"))
        #expect(try JSONPatch.apply(change.patch, to: old) == new)
    }

    @Test func unnamedRulesCompareByPosition() throws {
        let old: JSONValue = ["kind": "HTTPRoute", "metadata": ["name": "r"], "spec": ["rules": [["matches": 1], ["matches": 2]]]]
        let new: JSONValue = ["kind": "HTTPRoute", "metadata": ["name": "r"], "spec": ["rules": [["matches": 2], ["matches": 1]]]]
        let change = try #require(ManifestDiffer.diff(old: [old], new: [new]).changes.first)
        #expect(change.fields.map(\.path) == ["/spec/rules/0/matches", "/spec/rules/1/matches"])
        #expect(change.fields.map(\.kind) == [.replaced, .replaced])
    }

    @Test func moveOfFirstListenerToTheEndIsOneMove() throws {
        let names = ["a", "b", "c", "d", "e"]
        let old = Self.gateway(names.map { ["name": .string($0)] })
        let new = Self.gateway((names.dropFirst() + ["a"]).map { ["name": .string($0)] })
        let change = try #require(ManifestDiffer.diff(old: [old], new: [new]).changes.first)
        #expect(change.patch == [JSONPatchOperation(op: .move, path: "/spec/listeners/4", from: "/spec/listeners/0")])
    }

    @Test func diffOfSelfIsEmptyAndSummaryCounts() throws {
        let a = Self.gateway([["name": "http"]])
        #expect(ManifestDiffer.diff(old: [a], new: [a]).isEmpty)
        let diff = ManifestDiffer.diff(old: [a, Self.gateway([], name: "gone")], new: [Self.gateway([]), Self.gateway([], name: "new")])
        #expect(diff.changedResourceCount == 3)
        let summary = try #require(diff.json()["summary"])
        #expect(summary == ["added": 1, "removed": 1, "changed": 1, "byKind": ["Gateway": ["added": 1, "removed": 1, "changed": 1]]])
        // Sorted by key: gw/gone (removed) < gw/gw (changed) < gw/new (added).
        #expect(diff.changes.map(\.type) == [.removed, .changed, .added])
        let first = try #require(diff.jsonPatch().arrayValue?[1])
        #expect(first["change"] == "changed")
        #expect(first["resource"] == ["apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "namespace": "ns", "name": "gw"])
        #expect(first["patch"] == [["op": "remove", "path": "/spec/listeners/0"]])
    }

    @Test func unnamedAndDuplicateDocumentsAreKeptApart() {
        let unnamed: JSONValue = ["kind": "ConfigMap", "data": ["a": "1"]]
        let named: JSONValue = ["kind": "ConfigMap", "metadata": ["name": "x"], "data": ["a": "1"]]
        let diff = ManifestDiffer.diff(old: [unnamed, named, named], new: [unnamed, named])
        #expect(diff.changes.map(\.key.name) == ["x#2"])
        #expect(diff.changes.map(\.type) == [.removed])
    }

    @Test func specRedactionRule() {
        for key in ["apiKey", "api_key", "password", "dbPassword", "token", "accessToken", "clientSecret", "secret-key", "privateKey", "credentials"] {
            #expect(Redaction.isSensitiveSpecKey(key), "\(key) should be sensitive")
        }
        for key in ["secret", "apiKeySecret", "secretName", "tlsSecretRef", "tokens", "tokenBudget", "apiKeyAuth", "name", "header"] {
            #expect(!Redaction.isSensitiveSpecKey(key), "\(key) names no credential")
        }
    }

    @Test func specDiffMatchesRoutesByNameAndRedacts() throws {
        let old: JSONValue = ["version": "trafficspec/v1", "name": "task-api", "namespace": "task-api",
            "gateway": ["listeners": [["name": "https", "tls": ["secret": "task-api-tls"]]]],
            "auth": ["apiKey": "sk-old-value"],
            "routes": [["name": "a", "pathPrefix": "/a"], ["name": "b", "pathPrefix": "/b"]]]
        var newObject = try #require(old.objectValue)
        newObject["gateway"] = ["listeners": [["name": "https", "tls": ["secret": "task-api-tls-2"]]]]
        newObject["auth"] = ["apiKey": "sk-new-value"]
        newObject["routes"] = [["name": "b", "pathPrefix": "/b"], ["name": "a", "pathPrefix": "/a2"]]
        let diff = SpecDiffer.diff(old: old, new: .object(newObject), name: "task-api")
        let change = try #require(diff.changes.first)
        #expect(change.key == ResourceKey(apiVersion: "trafficspec/v1", kind: "TrafficSpec", namespace: "task-api", name: "task-api"))
        #expect(change.fields.contains(FieldChange(path: "/gateway/listeners/0/tls/secret", kind: .replaced,
            old: "task-api-tls", new: "task-api-tls-2")))
        #expect(change.fields.contains(FieldChange(path: "/auth/apiKey", kind: .replaced, old: "<redacted>", new: "<redacted>")))
        #expect(change.fields.contains { $0.kind == .moved })
        #expect(!change.fields.contains { $0.kind == .removed || $0.kind == .added })
        let text = diff.json().serialized() + diff.jsonPatch().serialized()
        #expect(!text.contains("sk-old-value") && !text.contains("sk-new-value"))
        #expect(SpecDiffer.diff(old: old, new: old, name: "task-api").isEmpty)
        #expect(SpecDiffer.diff(old: .null, new: old, name: "task-api").changes.map(\.type) == [.added])
    }

    @Test func maskedKeepsChangedNessVisible() {
        let secret: JSONValue = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "data": ["k": "c2VjcmV0"]]
        let other: JSONValue = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "data": ["k": "b3RoZXI="]]
        let maskedA = Redaction.masked([secret])
        let maskedB = Redaction.masked([other])
        #expect(maskedA != maskedB)
        #expect(maskedA == Redaction.masked([secret]))
        #expect(maskedA[0]["data"]?["k"]?.stringValue?.hasPrefix("<redacted:") == true)
        #expect(!YAMLText.document(maskedA[0]).contains("c2VjcmV0"))
        // A ConfigMap is not a Secret: its data is shown.
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "data": ["k": "v"]]
        #expect(Redaction.masked([configMap]) == [configMap])
    }
}
