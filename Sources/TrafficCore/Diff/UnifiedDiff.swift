/// Unified diff text in the format of GNU `diff -u`, which GNU `patch` applies.
public enum UnifiedDiff {
    /// One line of a text; the last line of a text without a final newline is distinct from
    /// the same characters followed by one (so that difference shows, as in GNU diff).
    private struct Line: Hashable {
        var text: Substring
        var missingNewline: Bool
    }

    /// One step of the edit script. `old` and `new` are the cursors on each side when the
    /// step happens (for a deletion `old` is the deleted line, for an insertion `new` the
    /// inserted one), so every hunk knows where it starts even on a side it does not touch.
    private struct Edit {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        var old: Int
        var new: Int

        var isChange: Bool { kind != .keep }
    }

    /// `--- oldLabel` / `+++ newLabel` and `@@ -a,b +c,d @@` hunks with `context` unchanged
    /// lines around each change (hunks closer than twice that are merged); the empty string
    /// when the texts are equal. A side without a final newline gets GNU's
    /// `\ No newline at end of file` after its last line.
    public static func diff(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        if old == new { return "" }
        let before = lines(old)
        let after = lines(new)
        let edits = script(before, after)
        let context = max(0, context)
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        var start = 0
        while let first = edits[start...].firstIndex(where: \.isChange) {
            var last = first
            // Extend the hunk while the next change is within 2 × context unchanged lines.
            while let next = edits[(last + 1)...].firstIndex(where: \.isChange), next - last - 1 <= 2 * context {
                last = next
            }
            let lower = max(start, first - context)
            let upper = min(edits.count, last + 1 + context)
            writeHunk(edits[lower..<upper], before: before, after: after, to: &output)
            start = upper
            if start >= edits.count { break }
        }
        return output
    }

    /// The lines of `text`, split at `\n` bytes (a `\r` stays part of its line, as in GNU diff;
    /// splitting by `Character` would not, since `\r\n` is one character).
    private static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                result.append(Line(text: text[start..<index], missingNewline: false))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { result.append(Line(text: text[start...], missingNewline: true)) }
        return result
    }

    /// The edit script from the standard library's Myers diff: deletions before insertions
    /// within each changed run, as GNU diff prints them.
    private static func script(_ before: [Line], _ after: [Line]) -> [Edit] {
        var deleted = [Bool](repeating: false, count: before.count)
        var inserted = [Bool](repeating: false, count: after.count)
        // Diff line numbers rather than lines: each line is hashed once here, and the Myers
        // search then compares integers instead of strings.
        var identities: [Line: Int] = [:]
        identities.reserveCapacity(before.count)
        func identity(_ line: Line) -> Int {
            if let known = identities[line] { return known }
            identities[line] = identities.count
            return identities.count - 1
        }
        let oldIdentities = before.map(identity)
        let newIdentities = after.map(identity)
        // The common head and tail are unchanged; only the middle needs the Myers search.
        var head = 0
        while head < oldIdentities.count, head < newIdentities.count, oldIdentities[head] == newIdentities[head] { head += 1 }
        var tail = 0
        while tail < oldIdentities.count - head, tail < newIdentities.count - head,
            oldIdentities[oldIdentities.count - 1 - tail] == newIdentities[newIdentities.count - 1 - tail]
        {
            tail += 1
        }
        let oldMiddle = Array(oldIdentities[head..<(oldIdentities.count - tail)])
        let newMiddle = Array(newIdentities[head..<(newIdentities.count - tail)])
        for change in newMiddle.difference(from: oldMiddle) {
            switch change {
            case .remove(let offset, _, _): deleted[head + offset] = true
            case .insert(let offset, _, _): inserted[head + offset] = true
            }
        }
        var edits: [Edit] = []
        edits.reserveCapacity(before.count + after.count)
        var old = 0
        var new = 0
        while old < before.count || new < after.count {
            if old < before.count && deleted[old] {
                edits.append(Edit(kind: .delete, old: old, new: new))
                old += 1
            } else if new < after.count && inserted[new] {
                edits.append(Edit(kind: .insert, old: old, new: new))
                new += 1
            } else {
                edits.append(Edit(kind: .keep, old: old, new: new))
                old += 1
                new += 1
            }
        }
        return edits
    }

    private static func writeHunk(_ edits: ArraySlice<Edit>, before: [Line], after: [Line], to output: inout String) {
        guard let first = edits.first else { return }
        var oldCount = 0
        var newCount = 0
        var body = ""
        for edit in edits {
            switch edit.kind {
            case .keep:
                oldCount += 1
                newCount += 1
                append(" ", before[edit.old], to: &body)
            case .delete:
                oldCount += 1
                append("-", before[edit.old], to: &body)
            case .insert:
                newCount += 1
                append("+", after[edit.new], to: &body)
            }
        }
        output += "@@ -\(range(first.old, oldCount)) +\(range(first.new, newCount)) @@\n"
        output += body
    }

    /// GNU's range format: `start,count` 1-based, `start` alone for one line, and for an empty
    /// range the number of the line before it with count 0.
    private static func range(_ start: Int, _ count: Int) -> String {
        guard count > 0 else { return "\(start),0" }
        return count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    private static func append(_ prefix: String, _ line: Line, to body: inout String) {
        body += prefix
        body += line.text
        body += "\n"
        if line.missingNewline { body += "\\ No newline at end of file\n" }
    }
}
