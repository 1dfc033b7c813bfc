/// The outcome of validating one or more manifest sources: every finding, in a stable order,
/// and counts for a summary line.
public struct ValidationReport: Sendable {
    public var findings: [Finding]
    /// Kubernetes objects checked (a `List` counts its items).
    public var resourceCount: Int
    public var documentCount: Int
    public var sources: [String]

    public init(findings: [Finding], resourceCount: Int, documentCount: Int, sources: [String]) {
        let order = Dictionary(sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.findings = findings.sorted { lhs, rhs in
            let left = (order[lhs.source] ?? Int.max, lhs.resource?.documentIndex ?? -1, lhs.location?.line ?? 0, lhs.location?.column ?? 0)
            let right = (order[rhs.source] ?? Int.max, rhs.resource?.documentIndex ?? -1, rhs.location?.line ?? 0, rhs.location?.column ?? 0)
            if left != right { return left < right }
            return (lhs.path, lhs.code, lhs.message) < (rhs.path, rhs.code, rhs.message)
        }
        self.resourceCount = resourceCount
        self.documentCount = documentCount
        self.sources = sources
    }

    public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity } }

    /// Whether the report should fail a CI step: any error, or with `strict` any warning.
    public func fails(strict: Bool) -> Bool {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}
