/// References into another namespace — route backends, Gateway certificates, the backends and
/// Secrets of Envoy Gateway policies, AIGatewayRoute backends — need a ReferenceGrant in the
/// target namespace that admits the referring group, kind and namespace (TS3008).
public struct ReferenceGrantAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] { [.referenceNotGranted] }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        var grants: Grants?
        for object in bundle.objects {
            for reference in ReferenceSites.references(in: object) where reference.crossesNamespace(from: object) {
                if grants == nil { grants = Grants(bundle) }
                let target = reference.target(from: object)
                if grants?.permit(from: object, to: target) == true { continue }
                let toGroup = target.group.isEmpty ? "\"\"" : target.group
                findings.append(object.finding(
                    .referenceNotGranted, at: reference.path + ["namespace"],
                    message: "\(object.kind) \"\(object.qualifiedName)\" references \(target) in another namespace, and no ReferenceGrant in \"\(target.namespace)\" permits it",
                    hint: "Add a ReferenceGrant in namespace \(target.namespace) with from {group: \(object.group.isEmpty ? "\"\"" : object.group), kind: \(object.kind), namespace: \(object.namespace)} and to {group: \(toGroup), kind: \(target.kind)}."))
            }
        }
    }

    /// The ReferenceGrants of the bundle by namespace.
    private struct Grants {
        struct Grant {
            var from: [(group: String, kind: String, namespace: String)]
            var to: [(group: String, kind: String, name: String?)]
        }

        private var byNamespace: [String: [Grant]] = [:]

        init(_ bundle: ManifestBundle) {
            for object in bundle.objects(group: APIGroup.gatewayAPI, kind: "ReferenceGrant") {
                let spec = object.node["spec"]
                let from = (spec?.list("from") ?? []).compactMap { entry -> (String, String, String)? in
                    guard let kind = entry["kind"]?.string, let namespace = entry["namespace"]?.string else { return nil }
                    return (entry["group"]?.string ?? "", kind, namespace)
                }
                let to = (spec?.list("to") ?? []).compactMap { entry -> (String, String, String?)? in
                    guard let kind = entry["kind"]?.string else { return nil }
                    return (entry["group"]?.string ?? "", kind, entry.nonEmptyString("name"))
                }
                byNamespace[object.namespace, default: []].append(Grant(from: from, to: to))
            }
        }

        func permit(from referrer: ManifestObject, to target: ObjectKey) -> Bool {
            (byNamespace[target.namespace] ?? []).contains { grant in
                grant.from.contains { $0.group == referrer.group && $0.kind == referrer.kind && $0.namespace == referrer.namespace }
                    && grant.to.contains { $0.group == target.group && $0.kind == target.kind && ($0.name == nil || $0.name == target.name) }
            }
        }
    }
}
