import Foundation
@testable import TrafficCore
import Testing

/// `UnifiedDiff` edge cases, checked as exact text and by GNU `patch`.
@Suite struct UnifiedDiffTests {
    func roundTrip(_ old: String, _ new: String, context: Int = 3, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let diff = UnifiedDiff.diff(old: old, new: new, oldLabel: "a", newLabel: "b", context: context)
        if old == new {
            #expect(diff.isEmpty, sourceLocation: sourceLocation)
            return
        }
        guard GNUPatch.isAvailable else {
            Issue.record("SKIPPED: \(GNUPatch.path) is not installed", sourceLocation: sourceLocation)
            return
        }
        #expect(try GNUPatch.apply(diff, to: old, sourceLocation: sourceLocation) == new, sourceLocation: sourceLocation)
    }

    @Test func identicalIsEmpty() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y") == "")
        #expect(UnifiedDiff.diff(old: "", new: "", oldLabel: "x", newLabel: "y") == "")
    }

    @Test func simpleChangeWithContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.diff(old: old, new: new, oldLabel: "task-api@4", newLabel: "task-api@7") == """
            --- task-api@4
            +++ task-api@7
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
        #expect(UnifiedDiff.diff(old: old, new: new, oldLabel: "a", newLabel: "b", context: 0) == "--- a\n+++ b\n@@ -5 +5 @@\n-line 5\n+line five\n")
    }

    @Test func emptySides() {
        #expect(UnifiedDiff.diff(old: "", new: "a\nb\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(UnifiedDiff.diff(old: "a\n", new: "", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -1 +0,0 @@\n-a\n")
    }

    @Test func missingTrailingNewline() {
        #expect(UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldLabel: "a", newLabel: "b")
            == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(UnifiedDiff.diff(old: "a\n", new: "a\nc", oldLabel: "a", newLabel: "b")
            == "--- a\n+++ b\n@@ -1 +1,2 @@\n a\n+c\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.diff(old: "x\nsame", new: "y\nsame", oldLabel: "a", newLabel: "b")
            == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-x\n+y\n same\n\\ No newline at end of file\n")
    }

    @Test func carriageReturnsStayInTheirLines() {
        #expect(UnifiedDiff.diff(old: "a\r\nb\r\n", new: "a\r\nc\r\n", oldLabel: "a", newLabel: "b", context: 0)
            == "--- a\n+++ b\n@@ -2 +2 @@\n-b\r\n+c\r\n")
    }

    @Test func specDiffIsSemanticAndMasked() throws {
        let old = try DiffFixtures.documents("""
            name: task-api
            auth: { apiKey: sk-old-value }
            gateway:
              listeners:
                - name: https
                  tls: { secret: task-api-tls }
            """)[0]
        let reordered = try DiffFixtures.documents("""
            # comments, flow style and key order do not matter
            gateway: { listeners: [{ tls: { secret: task-api-tls }, name: https }] }
            auth:
              apiKey: sk-old-value
            name: "task-api"
            """)[0]
        #expect(UnifiedDiff.spec(old: old, new: reordered, oldLabel: "a", newLabel: "b").isEmpty)
        let changed = try DiffFixtures.documents("""
            name: task-api
            auth: { apiKey: sk-new-value }
            gateway:
              listeners:
                - name: https
                  tls: { secret: other-tls }
            """)[0]
        let diff = UnifiedDiff.spec(old: old, new: changed, oldLabel: "task-api@4", newLabel: "task-api@7")
        #expect(!diff.contains("sk-old-value") && !diff.contains("sk-new-value"))
        #expect(diff.contains("-  apiKey: <redacted:") && diff.contains("+  apiKey: <redacted:"))
        #expect(diff.contains("+      secret: other-tls"))
        #expect(UnifiedDiff.spec(old: .null, new: old, oldLabel: "a", newLabel: "b").hasPrefix("--- a\n+++ b\n@@ -0,0 +1,"))
    }

    @Test func separateHunks() {
        let old = (1...30).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\n3\n", with: "\nthree\n").replacingOccurrences(of: "\n25\n", with: "\n")
        let diff = UnifiedDiff.diff(old: old, new: new, oldLabel: "a", newLabel: "b", context: 2)
        #expect(diff.components(separatedBy: "@@ -").count - 1 == 2)
        #expect(diff.contains("@@ -1,5 +1,5 @@"))
        #expect(diff.contains("@@ -23,5 +23,4 @@"))
    }

    @Test func gnuPatchAppliesEdgeCases() throws {
        let cases: [(String, String)] = [
            ("", "a\nb\n"), ("a\nb\n", ""), ("a\nb", "a\nb\n"), ("a\nb\n", "a\nb"), ("a", "b"), ("", "x"), ("x", ""),
            ("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "0\n1\n2\n3\n5\n6\n7\n8\n9\n10\n"),
            ("same\nsame\nsame\n", "same\nother\nsame\nsame\n"),
            ("a\r\nb\r\n", "a\r\nc\r\n"), ("héllo\nwörld\n", "héllo\nwörld!\n"),
        ]
        for (old, new) in cases {
            for context in [0, 1, 3] { try roundTrip(old, new, context: context) }
        }
    }
}
