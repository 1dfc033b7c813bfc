/// Policies and their targets: the target is in the bundle (TS3009), in the policy's own
/// namespace (TS3010), and no other policy of the same kind targets the same object and
/// section (TS3011).
public struct PolicyTargetAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] { [.policyTargetNotFound, .policyTargetCrossNamespace, .policyConflict] }

    private struct Attachment {
        let policy: ManifestObject
        let reference: PolicyTargetReference
    }

    /// A policy kind on one target and section: where conflicts happen.
    private struct Slot: Hashable {
        let policyGroup: String
        let policyKind: String
        let target: ObjectKey
        let sectionName: String?
    }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        let policies = bundle.objects.filter(PolicyKinds.isPolicy)
        guard !policies.isEmpty else { return }
        let index = BundleIndex(bundle)
        var slots: [Slot: [Attachment]] = [:]
        var slotOrder: [Slot] = []

        for policy in policies {
            for reference in PolicyKinds.targets(of: policy) {
                if let namespace = reference.namespace, namespace != policy.namespace {
                    findings.append(policy.finding(
                        .policyTargetCrossNamespace, at: reference.path + ["namespace"],
                        message: "\(policy.kind) \"\(policy.qualifiedName)\" targets \(reference.kind) \"\(reference.name)\" in namespace \"\(namespace)\"; a policy attaches only to objects in its own namespace \"\(policy.namespace)\"",
                        hint: "Create the policy in namespace \(namespace) and drop targetRef.namespace."))
                    continue
                }
                let target = reference.target(of: policy)
                if index[target] == nil {
                    findings.append(policy.finding(
                        .policyTargetNotFound, at: reference.path + ["name"],
                        message: "\(target) is not in the bundle; the policy applies only if it exists in the cluster"))
                }
                guard PolicyKinds.conflictsOnSameTarget(policy) else { continue }
                let slot = Slot(policyGroup: policy.group, policyKind: policy.kind, target: target, sectionName: reference.sectionName)
                if slots[slot] == nil { slotOrder.append(slot) }
                slots[slot, default: []].append(Attachment(policy: policy, reference: reference))
            }
        }

        for slot in slotOrder {
            guard let attachments = slots[slot] else { continue }
            // One policy listing the same target twice is not a conflict between policies.
            var distinct: [Attachment] = []
            for attachment in attachments where !distinct.contains(where: { $0.policy.qualifiedName == attachment.policy.qualifiedName }) {
                distinct.append(attachment)
            }
            guard distinct.count > 1 else { continue }
            let winner = distinct.dropFirst().reduce(distinct[0]) { best, candidate in
                ConflictOrder.precedes(candidate.policy, best.policy) ? candidate : best
            }
            for loser in distinct where loser.policy.qualifiedName != winner.policy.qualifiedName {
                let reason = ConflictOrder.reason(winner.policy, over: loser.policy)
                let section = slot.sectionName.map { " (section \"\($0)\")" } ?? ""
                findings.append(loser.policy.finding(
                    .policyConflict, at: loser.reference.path,
                    message: "\(slot.policyKind) \"\(winner.policy.qualifiedName)\" also targets \(slot.target)\(section); it takes effect because \(reason), and \"\(loser.policy.qualifiedName)\" is ignored for this target",
                    hint: "Merge the two \(slot.policyKind)s into one, or target different objects or sections."))
            }
        }
    }
}
