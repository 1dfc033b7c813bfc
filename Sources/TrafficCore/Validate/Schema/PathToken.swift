/// One step from a node to a child: a mapping key or a list index.
public enum PathToken: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    /// `/spec/rules/0` — RFC 6901, as findings report paths.
    public static func pointer(_ tokens: some Sequence<PathToken>) -> String {
        var pointer = ""
        for token in tokens {
            switch token {
            case .key(let key): pointer = JSONPointer.appending(key, to: pointer)
            case .index(let index): pointer = JSONPointer.appending(index, to: pointer)
            }
        }
        return pointer
    }

    /// `spec.rules[0].name` — the form `kubectl` prints, for one-line text output.
    public static func dotted(_ tokens: some Sequence<PathToken>) -> String {
        var text = ""
        for token in tokens {
            switch token {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
