/// RFC 6901 JSON Pointers: `/a/b~1c` addresses member `b/c` of member `a`.
public enum JSONPointer {
    /// One reference token escaped for a pointer: `~` → `~0`, then `/` → `~1` (in that order,
    /// so that a literal `~1` in a key does not turn into `/` when read back).
    public static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The pointer `base` extended by one (unescaped) token.
    public static func appending(_ token: String, to base: String) -> String {
        base + "/" + escape(token)
    }

    /// The pointer `base` extended by an array index.
    public static func appending(_ index: Int, to base: String) -> String {
        base + "/" + String(index)
    }

    /// The unescaped tokens of `pointer` (`""` is the whole document, no tokens); nil when the
    /// pointer does not start with `/` or holds a `~` not followed by `0` or `1`.
    public static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.first == "/" else { return nil }
        var tokens: [String] = []
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = unescape(raw) else { return nil }
            tokens.append(token)
        }
        return tokens
    }

    /// `~1` → `/` and `~0` → `~`, reading left to right so `~01` is `~1`, not `/`.
    static func unescape(_ raw: Substring) -> String? {
        guard raw.contains("~") else { return String(raw) }
        var result = ""
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }
}
