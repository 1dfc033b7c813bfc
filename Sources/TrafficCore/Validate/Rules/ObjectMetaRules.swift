/// The API server's checks of label and annotation syntax (apimachinery validation, not CEL).
enum ObjectMetaRules {
    static let rules: [SchemaRule] = [
        SchemaRule("ObjectMeta.labels") { meta in
            var violations: [RuleViolation] = []
            for entry in meta["labels"]?.entries ?? [] {
                if let problem = qualifiedNameProblem(entry.key) {
                    violations.append(RuleViolation("label key \"\(entry.key)\" \(problem)", at: ["labels", .key(entry.key)], diagnostic: .invalidMetadata))
                }
                if let value = entry.value.string, let problem = labelValueProblem(value) {
                    violations.append(RuleViolation("label value \"\(value)\" \(problem)", at: ["labels", .key(entry.key)], diagnostic: .invalidMetadata))
                }
            }
            return violations
        },
        SchemaRule("ObjectMeta.annotations") { meta in
            var violations: [RuleViolation] = []
            var totalSize = 0
            for entry in meta["annotations"]?.entries ?? [] {
                totalSize += entry.key.utf8.count + (entry.value.string?.utf8.count ?? 0)
                if let problem = qualifiedNameProblem(entry.key) {
                    violations.append(RuleViolation("annotation key \"\(entry.key)\" \(problem)", at: ["annotations", .key(entry.key)], diagnostic: .invalidMetadata))
                }
            }
            if totalSize > 262_144 {
                violations.append(RuleViolation(
                    "annotations total \(totalSize) bytes, more than the 262144 (256 KiB) the API server accepts",
                    at: ["annotations"], diagnostic: .invalidMetadata))
            }
            return violations
        },
    ]

    private static let namePart = SchemaPattern("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
    private static let subdomain = SchemaPattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")

    /// A "qualified name": an optional DNS-subdomain prefix and `/`, then a name of at most
    /// 63 characters that starts and ends with an alphanumeric character.
    static func qualifiedNameProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "has more than one '/'" }
        let name = String(parts[parts.count - 1])
        if parts.count == 2 {
            let prefix = String(parts[0])
            guard !prefix.isEmpty, prefix.count <= 253, subdomain.matches(prefix) else {
                return "has a prefix that is not a DNS subdomain"
            }
        }
        guard !name.isEmpty else { return "has an empty name part" }
        guard name.count <= 63 else { return "has a name part longer than 63 characters" }
        guard namePart.matches(name) else {
            return "must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character"
        }
        return nil
    }

    static func labelValueProblem(_ value: String) -> String? {
        if value.isEmpty { return nil }
        guard value.count <= 63 else { return "is longer than 63 characters" }
        guard namePart.matches(value) else {
            return "must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character"
        }
        return nil
    }
}
