import Foundation
import Testing
import TestSupport
import TrafficCore

/// Garbage in never crashes the validator: it becomes findings with known codes.
@Suite struct HostileManifestTests {
    static let knownCodes = Set(Diagnostic.all.map(\.code))

    private func check(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ValidationReport {
        let report = ManifestValidator().validate(bytes: bytes, source: "fuzz.yaml")
        for finding in report.findings {
            #expect(Self.knownCodes.contains(finding.code), "unknown code \(finding.code)", sourceLocation: sourceLocation)
            #expect(finding.path.isEmpty || finding.path.hasPrefix("/"), sourceLocation: sourceLocation)
        }
        return report
    }

    @Test func mutatedExamplesNeverCrash() throws {
        let seeds = try TestFiles.exampleNames().map {
            try TestFiles.bytes(TestFiles.examples.appendingPathComponent("\($0)/manifests.yaml"))
        }
        #expect(!seeds.isEmpty)
        var random = SplitMix64(seed: 0x7EA_F1C5)
        let specials = Array("{}[]:-,#&*!|>'\"%@`\t\n ?~".utf8) + [0x00, 0xFF, 0xC3]
        for round in 0..<300 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                guard !bytes.isEmpty else { break }
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[position] = specials.randomElement(using: &random)!
                case 1: bytes.insert(specials.randomElement(using: &random)!, at: position)
                case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &random)))
                default: bytes = Array(bytes[..<position])
                }
            }
            _ = check(bytes)
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...512, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = check(bytes)
        }
    }

    /// 5,000 unknown fields in one object: 200 listed, the rest counted in one TS0014.
    @Test func findingsPerObjectAreCapped() {
        let fields = (0..<5_000).map { "x\($0): 1\n" }.joined()
        let report = check(Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n\(fields)".utf8))
        #expect(report.findings.filter { $0.code == "TS1001" }.count == 200)
        let omitted = report.findings.filter { $0.code == "TS0014" }
        #expect(omitted.count == 1)
        #expect(omitted.first?.message.hasPrefix("4800 more schema findings") == true)
        #expect(omitted.first?.severity == .info)
    }

    @Test func limitsBecomeFindings() {
        let deep = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(check(Array(deep.utf8)).findings.map(\.code) == ["TS0003"])
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(check(Array(laughs.utf8)).findings.map(\.code) == ["TS0003"])
        let huge = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: 1}\nspec: 99999999999999999999999\n"
        #expect(check(Array(huge.utf8)).findings.contains { $0.code == "TS0001" })
    }

    @Test func oneBadDocumentDoesNotHideTheOthers() {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            data: {k: v}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: b
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {k: v}
            bogus: 1

            """
        let report = check(Array(text.utf8))
        #expect(report.resourceCount == 2)
        #expect(report.findings.contains { $0.code == "TS0001" && $0.resource?.documentIndex == 1 })
        let unknown = report.findings.first { $0.code == "TS1001" }
        #expect(unknown?.location == SourceLocation(line: 14, column: 1), "line numbers count from the start of the file")
        #expect(unknown?.resource?.name == "c")
    }

    @Test func jsonListsExpandIntoTheirItems() {
        let list = #"{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}},"x"]}"#
        let report = check(Array(list.utf8))
        #expect(report.resourceCount == 1)
        #expect(report.findings.contains { $0.code == "TS0004" && $0.path == "/items/1" })
    }
}
