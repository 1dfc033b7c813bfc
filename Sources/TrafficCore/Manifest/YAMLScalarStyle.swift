/// When a string must be quoted in emitted YAML.
///
/// Kubernetes reads manifests with YAML 1.1 rules (go-yaml), where `yes`, `on`, `y`, `0755`,
/// `1_000` and `12:30` are not strings; KEDA's `metadata` is map<string,string>, so a plain
/// `threshold: 50` is a type error. Any string that some YAML 1.1 or 1.2 reader could take
/// for something else is therefore double-quoted.
enum YAMLScalarStyle {
    private static let reservedWords: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    static func needsQuotes(_ text: String) -> Bool {
        if reservedWords.contains(text.lowercased()) { return true }
        guard let first = text.unicodeScalars.first else { return true }
        // Numbers in any YAML dialect start with a digit, a sign or a dot (.5, .inf, -1, +1, 0x1F, 1e3, 1:30).
        if "0123456789+-.".unicodeScalars.contains(first) {
            let numberish = Set("0123456789abcdefABCDEFxXoO_+-.:infINFnaNA".unicodeScalars)
            if text.unicodeScalars.allSatisfy(numberish.contains) { return true }
        }
        // Values libyaml would otherwise have to reason about: leave them to quoting for clarity.
        if text.hasPrefix(" ") || text.hasSuffix(" ") { return true }
        return false
    }
}
