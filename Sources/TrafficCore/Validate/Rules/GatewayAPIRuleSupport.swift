/// Reads shared by the Gateway API rules. The rules see objects as written, while the CEL rules
/// they mirror run after the API server applied the schema defaults, so most reads here take
/// the field's default.
enum GatewayAPIRuleSupport {
    /// CEL's `!has(x) || x == ''`: an optional string that is unset.
    static func isUnset(_ node: SourceNode, _ key: String) -> Bool {
        !node.has(key) || node[key]?.string == ""
    }

    /// The list at `key`, or an empty list when absent.
    static func items(_ node: SourceNode, _ key: String) -> [SourceNode] {
        node[key]?.items ?? []
    }

    // MARK: - Parent references

    /// The parent a route's `parentRefs` item points at, with the defaults of `ParentReference`
    /// (an empty namespace counts as unset, as in the CRD's CEL).
    struct Parent: Hashable {
        var group: String
        var kind: String
        var name: String
        var namespace: String?

        init?(_ reference: SourceNode) {
            guard let name = reference["name"]?.string else { return nil }
            group = reference.string(at: "group", default: "gateway.networking.k8s.io") ?? ""
            kind = reference.string(at: "kind", default: "Gateway") ?? ""
            self.name = name
            namespace = isUnset(reference, "namespace") ? nil : reference["namespace"]?.string
        }
    }

    /// A `sectionName` with `""` and absent alike.
    static func sectionName(_ reference: SourceNode) -> String? {
        isUnset(reference, "sectionName") ? nil : reference["sectionName"]?.string
    }

    /// A `port` with `0` and absent alike.
    static func port(_ reference: SourceNode) -> Int64? {
        guard let port = reference["port"]?.integer, port != 0 else { return nil }
        return port
    }

    // MARK: - Filters

    /// Whether a filter's `type` and its per-type fields agree: one field per type, set exactly
    /// when the type names it. Returns the CRD's messages in its order (per field: "must be
    /// nil" first, then "must be specified").
    static func filterFieldViolations(_ filter: SourceNode, fields: [(field: String, type: String)]) -> [RuleViolation] {
        guard let type = filter["type"]?.string else { return [] }
        var violations: [RuleViolation] = []
        for (field, fieldType) in fields {
            if filter.has(field), type != fieldType {
                violations.append(RuleViolation("filter.\(field) must be nil if the filter.type is not \(fieldType)"))
            }
            if !filter.has(field), type == fieldType {
                violations.append(RuleViolation("filter.\(field) must be specified for \(fieldType) filter.type"))
            }
        }
        return violations
    }

    /// How many filters in a list have `type`.
    static func count(ofType type: String, in filters: SourceNode) -> Int {
        (filters.items ?? []).filter { $0["type"]?.string == type }.count
    }

    /// One "X filter cannot be repeated" violation per type used more than once.
    static func repeatedFilterViolations(_ filters: SourceNode, types: [String]) -> [RuleViolation] {
        types.filter { count(ofType: $0, in: filters) > 1 }.map { RuleViolation("\($0) filter cannot be repeated") }
    }
}
