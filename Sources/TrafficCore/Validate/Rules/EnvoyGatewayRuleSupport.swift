/// Reads shared by the Envoy Gateway rules. The CEL rules run after the API server applied the
/// schema defaults while our rules see the object as written, so reads of defaulted fields take
/// the default.
enum EnvoyGatewayRuleSupport {
    /// CEL's `has(self.key) && self.key != ""` for a string.
    static func hasText(_ node: SourceNode, _ key: String) -> Bool {
        !(node[key]?.string?.isEmpty ?? true)
    }

    /// Whether the node at `path` is present and not null, CEL's chained `has(…)`.
    static func has(_ node: SourceNode, _ path: [PathToken]) -> Bool {
        guard let value = node[path: path] else { return false }
        return !value.isNull
    }

    /// The CRDs' `type == X ? has(field) : !has(field)` pair: the field is set exactly when
    /// the type names it.
    static func fieldMatchesType(
        _ node: SourceNode, type: String, expected: String, field: String, message: String
    ) -> RuleViolation? {
        (type == expected) == node.has(field) ? nil : RuleViolation(message)
    }

    /// Every message whose condition holds, in the order given (the CRD's order).
    static func violations(_ checks: [(broken: Bool, message: String)]) -> [RuleViolation] {
        checks.filter(\.broken).map { RuleViolation($0.message) }
    }

    // MARK: - Policy targets

    /// The target kinds a policy kind accepts, and how its CEL messages name them.
    struct TargetKinds: Sendable {
        var kinds: Set<String>
        var listed: String
    }

    /// The five target rules every Envoy Gateway policy puts on `spec`: one of `targetRef`,
    /// `targetRefs` or a non-empty `targetSelectors`, and references only to Gateway API
    /// objects of the kinds the policy supports.
    static func targetViolations(_ spec: SourceNode, _ allowed: TargetKinds) -> [RuleViolation] {
        let single = spec.has("targetRef")
        let multiple = spec.has("targetRefs")
        var violations: [RuleViolation] = []
        if single == multiple, !spec.hasItems("targetSelectors") {
            violations.append(RuleViolation("either targetRef or targetRefs must be used"))
        }
        let gatewayAPI = "gateway.networking.k8s.io"
        if let reference = spec["targetRef"], single {
            if let group = reference["group"]?.string, group != gatewayAPI {
                violations.append(RuleViolation("this policy can only have a targetRef.group of \(gatewayAPI)"))
            }
            if let kind = reference["kind"]?.string, !allowed.kinds.contains(kind) {
                violations.append(RuleViolation("this policy can only have a targetRef.kind of \(allowed.listed)"))
            }
        }
        let references = spec["targetRefs"]?.items ?? []
        if references.contains(where: { ($0["group"]?.string).map { $0 != gatewayAPI } ?? false }) {
            violations.append(RuleViolation("this policy can only have a targetRefs[*].group of \(gatewayAPI)"))
        }
        if references.contains(where: { ($0["kind"]?.string).map { !allowed.kinds.contains($0) } ?? false }) {
            violations.append(RuleViolation("this policy can only have a targetRefs[*].kind of \(allowed.listed)"))
        }
        return violations
    }

    // MARK: - TLS versions

    /// Ranks of `minVersion` and `maxVersion` from the CRDs' CEL maps: `Auto` is the lowest
    /// minimum and the highest maximum, and an unset minimum counts as TLS 1.2.
    static let minimumVersionRank: [String: Int] = ["Auto": 0, "1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4]
    static let maximumVersionRank: [String: Int] = ["1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4, "Auto": 5]
    static let unsetMinimumVersionRank = 3
}
