/// Rate limits of BackendTrafficPolicies: header selectors Envoy Gateway refuses to translate or
/// that do not mean what they look like (TS5001–TS5004), per-user keys that clients can forge
/// (TS5005), the infrastructure global limits need (TS5006), and local limits that multiply
/// with an autoscaled proxy (TS5007).
public struct RateLimitAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] {
        [.wildcardHeaderValue, .distinctWithInvert, .distinctWithValue, .headerMatchWithoutValue,
         .spoofableUserKey, .globalLimitNeedsService, .localLimitPerReplica]
    }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        let policies = bundle.objects(group: APIGroup.envoyGateway, kind: "BackendTrafficPolicy")
            .filter { $0.node["spec"]?["rateLimit"] != nil }
        guard !policies.isEmpty else { return }
        var context: Context?
        for policy in policies {
            guard let rateLimit = policy.node["spec"]?["rateLimit"] else { continue }
            let base: [PathToken] = ["spec", "rateLimit"]
            for scope in ["global", "local"] {
                guard let rules = rateLimit[scope]?["rules"]?.items else { continue }
                for (ruleIndex, rule) in rules.enumerated() {
                    let rulePath = base + [.key(scope), "rules", .index(ruleIndex)]
                    for (selectorIndex, selector) in rule.list("clientSelectors").enumerated() {
                        for (headerIndex, header) in selector.list("headers").enumerated() {
                            let path = rulePath + ["clientSelectors", .index(selectorIndex), "headers", .index(headerIndex)]
                            checkHeader(header, at: path, of: policy, into: &findings)
                            if header["type"]?.string == "Distinct", let name = header["name"]?.string {
                                if context == nil { context = Context(bundle) }
                                context?.checkUserKey(name, at: path, of: policy, into: &findings)
                            }
                        }
                    }
                }
            }
            if let global = rateLimit["global"], !global.list("rules").isEmpty {
                findings.append(policy.finding(
                    .globalLimitNeedsService, at: base + ["global"],
                    message: "BackendTrafficPolicy \"\(policy.qualifiedName)\" sets global rate limits; they are enforced only when the EnvoyGateway configuration enables the rate-limit service (rateLimit.backend with Redis)"))
            }
            if let local = rateLimit["local"], !local.list("rules").isEmpty {
                if context == nil { context = Context(bundle) }
                if let autoscaler = context?.proxyAutoscaler {
                    findings.append(policy.finding(
                        .localLimitPerReplica, at: base + ["local"],
                        message: "local rate limits count per Envoy replica, and \(autoscaler) scales the Envoy proxy, so the effective limit grows with the replica count"))
                }
            }
        }
    }

    private func checkHeader(_ header: SourceNode, at path: [PathToken], of policy: ManifestObject, into findings: inout [Finding]) {
        let name = header["name"]?.string ?? "?"
        let type = header["type"]?.string
        let effectiveType = type ?? "Exact"
        let value = header["value"]?.string
        let typeText = type.map { "type \($0)" } ?? "no type (Exact)"
        switch effectiveType {
        case "Distinct":
            if header["invert"]?.bool == true {
                findings.append(policy.finding(
                    .distinctWithInvert, at: path + ["invert"],
                    message: "header \"\(name)\" has type Distinct with invert: true; Envoy Gateway rejects the policy (\"Invert is not applicable for distinct header match type\")"))
            }
            if header.has("value") {
                findings.append(policy.finding(
                    .distinctWithValue, at: path + ["value"],
                    message: "header \"\(name)\" has type Distinct and value \"\(value ?? "")\"; Envoy Gateway rejects the policy (Distinct makes one bucket per value seen, so it takes no value)"))
            }
        case "Exact", "RegularExpression":
            guard header.has("value") else {
                findings.append(policy.finding(
                    .headerMatchWithoutValue, at: path,
                    message: "header \"\(name)\" has \(typeText) but no value; Envoy Gateway rejects the policy (\"the header is missing a value\")"))
                return
            }
            if effectiveType == "Exact", value == "*" {
                findings.append(policy.finding(
                    .wildcardHeaderValue, at: path + ["value"],
                    message: "header \"\(name)\" has value \"*\" with \(typeText), which matches only the literal value \"*\", not every value"))
            }
        default:
            break
        }
    }

    /// What the per-user and per-replica checks need from the rest of the bundle, built once.
    private struct Context {
        /// Per target of a SecurityPolicy, the headers its JWT providers set from claims (lowercased).
        private var claimHeaders: [ObjectKey: [(header: String, policy: ManifestObject)]] = [:]
        /// Every target of a SecurityPolicy, with or without JWT.
        private var securedTargets = Set<ObjectKey>()
        /// Headers set by SecurityPolicies that select their targets by label (targets unknown).
        private var selectedClaimHeaders = Set<String>()
        /// Every header some SecurityPolicy of the bundle sets from a claim.
        private var anyClaimHeaders = Set<String>()
        private let routes: BundleIndex
        /// An autoscaler of the Envoy proxy, described for messages.
        let proxyAutoscaler: String?

        init(_ bundle: ManifestBundle) {
            for policy in bundle.objects(group: APIGroup.envoyGateway, kind: "SecurityPolicy") {
                for reference in PolicyKinds.targets(of: policy) { securedTargets.insert(reference.target(of: policy)) }
                var headers: [String] = []
                for provider in policy.node["spec"]?["jwt"]?.list("providers") ?? [] {
                    for mapping in provider.list("claimToHeaders") {
                        if let header = mapping["header"]?.string { headers.append(header.lowercased()) }
                    }
                }
                guard !headers.isEmpty else { continue }
                anyClaimHeaders.formUnion(headers)
                if PolicyKinds.usesSelectors(policy) { selectedClaimHeaders.formUnion(headers) }
                for reference in PolicyKinds.targets(of: policy) {
                    claimHeaders[reference.target(of: policy), default: []] += headers.map { ($0, policy) }
                }
            }
            routes = BundleIndex(bundle, kinds: Set(GatewayTopology.routeKinds + ["AIGatewayRoute"]))
            proxyAutoscaler = Self.proxyAutoscaler(in: bundle)
        }

        /// A Distinct header is a per-user key only if a verified JWT claim sets it on every
        /// target of the policy (directly, or on the parent Gateway of a target route).
        func checkUserKey(_ name: String, at path: [PathToken], of policy: ManifestObject, into findings: inout [Finding]) {
            let header = name.lowercased()
            guard anyClaimHeaders.contains(header) else {
                findings.append(policy.finding(
                    .spoofableUserKey, at: path + ["name"],
                    message: "the rate limit keeps one bucket per value of header \"\(name)\", and no SecurityPolicy in the bundle sets \"\(name)\" from a JWT claim (claimToHeaders): clients can send any value and get a fresh bucket each time"))
                return
            }
            if selectedClaimHeaders.contains(header) { return }
            var uncovered: [ObjectKey] = []
            for reference in PolicyKinds.targets(of: policy) {
                let target = reference.target(of: policy)
                // A SecurityPolicy on a route replaces the one on its Gateway for that route.
                if securedTargets.contains(target) {
                    if !sets(header, on: target) { uncovered.append(target) }
                    continue
                }
                if target.kind == "Gateway" {
                    uncovered.append(target)
                    continue
                }
                // Without the route in the bundle its parent Gateways are unknown.
                guard let route = routes[target] else { continue }
                let parents = AttachedRoute(route, attachGroup: APIGroup.gatewayAPI, attachKind: target.kind).parentRefs
                    .filter(\.isGateway).map(\.key)
                if parents.isEmpty || !parents.allSatisfy({ sets(header, on: $0) }) { uncovered.append(target) }
            }
            guard !uncovered.isEmpty else { return }
            let setters = Set(claimHeaders.values.flatMap { $0 }.filter { $0.header == header }.map { "\"\($0.policy.qualifiedName)\"" })
            findings.append(policy.finding(
                .spoofableUserKey, at: path + ["name"],
                message: "the rate limit keeps one bucket per value of header \"\(name)\", but no SecurityPolicy sets it from a JWT claim on \(uncovered.map(\.description).joined(separator: ", ")) (SecurityPolicy \(setters.sorted().joined(separator: ", ")) sets it elsewhere): clients there choose their own key"))
        }

        private func sets(_ header: String, on target: ObjectKey) -> Bool {
            claimHeaders[target]?.contains { $0.header == header } ?? false
        }

        /// An HPA or ScaledObject on an Envoy proxy Deployment (Envoy Gateway names them
        /// `envoy-…`), or an EnvoyProxy that asks Envoy Gateway for an HPA.
        private static func proxyAutoscaler(in bundle: ManifestBundle) -> String? {
            for kind in ["HorizontalPodAutoscaler", "ScaledObject"] {
                for scaler in bundle.objects(ofKind: kind) where scaler.group == "autoscaling" || scaler.group == APIGroup.keda {
                    let target = scaler.node["spec"]?["scaleTargetRef"]
                    let targetKind = target?["kind"]?.string ?? "Deployment"
                    if targetKind == "Deployment", let name = target?["name"]?.string, name.hasPrefix("envoy-") {
                        return "\(kind) \"\(scaler.qualifiedName)\" (on Deployment \(name))"
                    }
                }
            }
            for proxy in bundle.objects(group: APIGroup.envoyGateway, kind: "EnvoyProxy")
            where proxy.node["spec"]?["provider"]?["kubernetes"]?.has("envoyHpa") == true {
                return "EnvoyProxy \"\(proxy.qualifiedName)\" (provider.kubernetes.envoyHpa)"
            }
            return nil
        }
    }
}
