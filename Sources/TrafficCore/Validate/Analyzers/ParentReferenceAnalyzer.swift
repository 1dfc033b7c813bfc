/// Routes and the Gateways they attach to: the Gateway exists (TS3001), the listener named by
/// sectionName or port exists (TS3002), the listener admits the route's namespace and kind
/// (TS3003), the hostnames intersect (TS3004), and a route that attaches to every listener does
/// not also land on an HTTP→HTTPS redirect listener (TS3005).
public struct ParentReferenceAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] {
        [.parentNotFound, .listenerNotFound, .namespaceNotAllowed, .hostnameMismatch, .redirectBypassed]
    }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        let routes = AttachedRoute.all(in: bundle)
        guard !routes.isEmpty else { return }
        let gateways = BundleIndex(bundle, kinds: ["Gateway"])
        let namespaces = NamespaceLabels(bundle)
        let redirectListeners = Self.redirectListeners(routes)
        var listenerCache: [ObjectKey: [GatewayListener]] = [:]

        for route in routes {
            for parent in route.parentRefs where parent.isGateway {
                guard let gateway = gateways[parent.key] else {
                    findings.append(route.object.finding(
                        .parentNotFound, at: parent.path + ["name"],
                        message: "\(parent.key) is not in the bundle; the route attaches only if it exists in the cluster"))
                    continue
                }
                let listeners: [GatewayListener]
                if let cached = listenerCache[parent.key] {
                    listeners = cached
                } else {
                    listeners = GatewayListener.all(of: gateway)
                    listenerCache[parent.key] = listeners
                }
                check(route, parent, gateway: gateway, listeners: listeners, namespaces: namespaces,
                      redirectListeners: redirectListeners, into: &findings)
            }
        }
    }

    private func check(
        _ route: AttachedRoute, _ parent: ParentReference, gateway: ManifestObject, listeners: [GatewayListener],
        namespaces: NamespaceLabels, redirectListeners: [ObjectKey: [String: AttachedRoute]], into findings: inout [Finding]
    ) {
        var candidates = listeners
        if let sectionName = parent.sectionName {
            candidates = candidates.filter { $0.name == sectionName }
            if candidates.isEmpty {
                let names = listeners.compactMap(\.name).map { "\"\($0)\"" }.joined(separator: ", ")
                findings.append(route.object.finding(
                    .listenerNotFound, at: parent.path + ["sectionName"],
                    message: "\(parent.key) has no listener named \"\(sectionName)\" (its listeners: \(names))",
                    hint: "Use one of the Gateway's listener names: \(names)."))
                return
            }
        }
        if let port = parent.port {
            let matching = candidates.filter { $0.port == port }
            if matching.isEmpty {
                let ports = Set(candidates.compactMap(\.port)).sorted().map(String.init).joined(separator: ", ")
                let scope = parent.sectionName.map { "its listener \"\($0)\"" } ?? "it"
                findings.append(route.object.finding(
                    .listenerNotFound, at: parent.path + ["port"],
                    message: "\(parent.key) has no listener on port \(port) (\(scope) listens on \(ports))",
                    hint: "Use the port of one of the Gateway's listeners (\(ports)), or remove port."))
                return
            }
            candidates = matching
        }

        let verdicts = candidates.map { $0.admits(route, gatewayNamespace: gateway.namespace, namespaces: namespaces) }
        let reachable = zip(candidates, verdicts).filter { !$0.1.isRefused }.map(\.0)
        if reachable.isEmpty {
            var reasons: [String] = []
            var onlyByKind = true
            for case .refused(let reason, let byKind) in verdicts {
                reasons.append(reason)
                onlyByKind = onlyByKind && byKind
            }
            findings.append(route.object.finding(
                .namespaceNotAllowed, at: parent.path,
                message: "\(route.label) cannot attach to \(parent.key): " + reasons.joined(separator: "; "),
                hint: onlyByKind
                    ? "Attach the route to a listener whose protocol (or allowedRoutes.kinds) admits \(route.attachKind)."
                    : nil))
            return
        }

        if GatewayTopology.hostnameRouteKinds.contains(route.object.kind), !route.hostnames.isEmpty,
            !reachable.contains(where: { $0.intersects(route) })
        {
            let listenerHosts = reachable.compactMap { listener in listener.hostname.map { "\(listener.label): \($0)" } }
            findings.append(route.object.finding(
                .hostnameMismatch, at: ["spec", "hostnames"],
                message: "none of the route's hostnames (\(route.hostnames.joined(separator: ", "))) matches the hostname of a listener of \(parent.key) it may attach to (\(listenerHosts.joined(separator: "; ")))",
                hint: "Use route hostnames the listener hostname covers: a wildcard listener \"*.example.com\" covers one or more labels before example.com (foo.example.com, a.b.example.com), never example.com itself."))
            return
        }

        if !parent.selectsListener, !route.redirectsToHTTPS,
            let redirects = redirectListeners[parent.key],
            let listener = reachable.first(where: { listener in
                listener.protocolName == "HTTP" && listener.name.map { redirects[$0] != nil } == true
                    && listener.intersects(route)
            }),
            let listenerName = listener.name, let redirect = redirects[listenerName]
        {
            let secure = reachable.filter { $0.protocolName == "HTTPS" }.compactMap(\.name)
            let hint = secure.isEmpty
                ? nil
                : "Set sectionName: \(secure[0]) on this parentRef, so only the redirect route serves the HTTP listener."
            findings.append(route.object.finding(
                .redirectBypassed, at: parent.path,
                message: "the parentRef has no sectionName, so \(route.label) also attaches to the HTTP listener \(listener.label) of \(parent.key), which \(redirect.label) redirects to HTTPS: plain-HTTP requests are served instead of redirected",
                hint: hint))
        }
    }

    /// Per Gateway, its HTTP→HTTPS redirect listeners: listener names whose routes (those naming
    /// the listener by sectionName) all redirect to https, with one of those routes.
    static func redirectListeners(_ routes: [AttachedRoute]) -> [ObjectKey: [String: AttachedRoute]] {
        var byListener: [ObjectKey: [String: (redirect: AttachedRoute?, other: Bool)]] = [:]
        for route in routes {
            let redirects = route.redirectsToHTTPS
            for parent in route.parentRefs where parent.isGateway {
                guard let section = parent.sectionName else { continue }
                var entry = byListener[parent.key, default: [:]][section] ?? (nil, false)
                if redirects {
                    entry.redirect = entry.redirect ?? route
                } else {
                    entry.other = true
                }
                byListener[parent.key, default: [:]][section] = entry
            }
        }
        var result: [ObjectKey: [String: AttachedRoute]] = [:]
        for (gateway, listeners) in byListener {
            for (name, entry) in listeners where !entry.other {
                if let redirect = entry.redirect { result[gateway, default: [:]][name] = redirect }
            }
        }
        return result
    }
}
