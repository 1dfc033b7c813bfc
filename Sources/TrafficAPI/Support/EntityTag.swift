/// Strong entity tags built from content digests, and the conditional-request checks of
/// RFC 9110 §13.
enum EntityTag {
    static func strong(_ digest: String) -> String { "\"\(digest)\"" }

    /// `If-None-Match`: true when the client's copy is current (answer 304). Weak comparison
    /// applies (§13.1.2), so `W/"x"` matches `"x"`.
    static func noneMatch(_ header: String?, digest: String) -> Bool {
        guard let header else { return false }
        return tags(in: header).contains { $0 == "*" || opaque($0) == digest }
    }

    /// The digest named by `If-Match` (a single strong tag); `*` yields nil meaning "any".
    static func ifMatchDigest(_ header: String) throws(APIError) -> String? {
        let list = tags(in: header)
        guard list.count == 1, let tag = list.first else {
            throw .invalidHeader(name: "If-Match", reason: "expected exactly one entity tag, e.g. If-Match: \"<digest>\"")
        }
        if tag == "*" { return nil }
        guard !tag.hasPrefix("W/"), tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") else {
            throw .invalidHeader(name: "If-Match", reason: "expected a strong entity tag in double quotes")
        }
        return opaque(tag)
    }

    private static func tags(in header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    private static func opaque(_ tag: String) -> String {
        var value = Substring(tag)
        if value.hasPrefix("W/") { value = value.dropFirst(2) }
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
        return String(value)
    }
}
