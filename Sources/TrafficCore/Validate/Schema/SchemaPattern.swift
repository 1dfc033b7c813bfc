import Foundation

/// A CRD `pattern`, compiled once when the schema is built.
///
/// ICU (`NSRegularExpression`) rather than Swift `Regex`: CRD patterns are written for Go's
/// RE2 and ECMAScript, whose syntax ICU reads as well, and ICU matches a short string in well
/// under a microsecond where `Regex` takes several — the validator matches hundreds of
/// patterns per bundle. `NSRegularExpression` is immutable and documented as thread-safe.
public struct SchemaPattern: @unchecked Sendable {
    public let source: String
    private let expression: NSRegularExpression?
    private let fastMatcher: FastPattern.Matcher?

    public init(_ source: String) {
        self.source = source
        self.expression = try? NSRegularExpression(pattern: source, options: [])
        self.fastMatcher = FastPattern.matcher(for: source)
    }

    /// Whether the pattern compiled; a CRD with a pattern ICU cannot read is reported once
    /// and the pattern is then not enforced.
    public var isValid: Bool { expression != nil }

    /// Whether `text` contains a match, as OpenAPI `pattern` means (CRD patterns anchor
    /// themselves with `^…$` when they mean the whole string).
    public func matches(_ text: String) -> Bool {
        if let fastMatcher { return fastMatcher(text) }
        return matchesByExpression(text)
    }

    /// The regular expression's answer, bypassing the fast matcher (tests compare the two).
    func matchesByExpression(_ text: String) -> Bool {
        guard let expression else { return true }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
