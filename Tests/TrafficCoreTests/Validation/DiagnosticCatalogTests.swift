import Foundation
import Testing
import TrafficCore

/// The catalog of codes and docs/diagnostics.md stay in step, and codes stay well-formed.
@Suite struct DiagnosticCatalogTests {
    @Test func codesAreUniqueWellFormedAndInOrder() {
        let codes = Diagnostic.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(Set(Diagnostic.all.map(\.name)).count == codes.count)
        #expect(codes == codes.sorted())
        for diagnostic in Diagnostic.all {
            #expect(diagnostic.code.wholeMatch(of: /TS[0-9]{4}/) != nil, "\(diagnostic.code)")
            #expect(diagnostic.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(diagnostic.name)")
            #expect(!diagnostic.summary.isEmpty && !diagnostic.hint.isEmpty, "\(diagnostic.code)")
        }
    }

    @Test func everyCodeHasARowInTheDocs() throws {
        let docs = try TestFiles.read(TestFiles.repositoryRoot.appendingPathComponent("docs/diagnostics.md"))
        let rows = docs.split(separator: "\n").filter { $0.hasPrefix("| `TS") }
        #expect(rows.count == Diagnostic.all.count)
        for diagnostic in Diagnostic.all {
            let row = rows.first { $0.hasPrefix("| `\(diagnostic.code)` | \(diagnostic.name) | \(diagnostic.severity.rawValue) |") }
            #expect(row != nil, "docs/diagnostics.md has no row for \(diagnostic.code) \(diagnostic.name) (\(diagnostic.severity.rawValue))")
        }
    }
}
