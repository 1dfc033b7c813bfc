/// A rule that a CRD states in CEL (`x-kubernetes-validations`), written in Swift with the
/// CRD's own message so that our findings read like the API server's rejections.
///
/// A rule is attached to a schema node by name (`rule=ID` or `itemRule=ID` in a `.kschema`
/// file) and sees the node's value as written, without defaults applied: a rule that depends on
/// a defaulted field must treat "absent" as the default itself, as the API server would after
/// defaulting.
public struct SchemaRule: Sendable {
    public typealias Check = @Sendable (SourceNode) -> [RuleViolation]

    public let id: String
    public let check: Check

    public init(_ id: String, check: @escaping Check) {
        self.id = id
        self.check = check
    }
}

/// What a `SchemaRule` found: the CRD's message, and where below the rule's node it applies.
public struct RuleViolation: Sendable, Hashable {
    public var message: String
    /// Relative to the node the rule is attached to; empty means the node itself.
    public var path: [PathToken]
    /// The finding's diagnostic; CEL rules leave it at `ruleViolated` (TS2001), built-in API
    /// server checks written as rules (label syntax, say) name their own.
    public var diagnostic: Diagnostic

    public init(_ message: String, at path: [PathToken] = [], diagnostic: Diagnostic = .ruleViolated) {
        self.message = message
        self.path = path
        self.diagnostic = diagnostic
    }
}
