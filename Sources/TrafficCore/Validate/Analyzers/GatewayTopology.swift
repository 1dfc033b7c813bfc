/// A route's `parentRefs` item with the defaults of Gateway API's `ParentReference` applied
/// (group gateway.networking.k8s.io, kind Gateway, the route's namespace).
struct ParentReference {
    var key: ObjectKey
    var sectionName: String?
    var port: Int64?
    /// `spec/parentRefs/N` inside the route.
    var path: [PathToken]

    var isGateway: Bool { key.group == APIGroup.gatewayAPI && key.kind == "Gateway" }
    /// Whether the reference names a listener, so it does not attach to the whole Gateway.
    var selectsListener: Bool { sectionName != nil || port != nil }

    init?(_ node: SourceNode, index: Int, routeNamespace: String) {
        guard let name = node["name"]?.string else { return nil }
        key = ObjectKey(
            group: node.has("group") ? node["group"]?.string ?? "" : APIGroup.gatewayAPI,
            kind: node.nonEmptyString("kind") ?? "Gateway",
            namespace: node.nonEmptyString("namespace") ?? routeNamespace,
            name: name)
        sectionName = node.nonEmptyString("sectionName")
        if let port = node["port"]?.integer, port != 0 { self.port = port }
        path = ["spec", "parentRefs", .index(index)]
    }
}

/// A route as the Gateways it attaches to see it.
struct AttachedRoute {
    let object: ManifestObject
    /// The group and kind listeners admit: an AIGatewayRoute attaches through the HTTPRoute
    /// that Envoy AI Gateway renders for it.
    let attachGroup: String
    let attachKind: String
    /// `spec.hostnames`, lowercased; empty when the route sets none (it matches every host).
    let hostnames: [String]
    let parentRefs: [ParentReference]

    /// Every route of the bundle that attaches to Gateways, in input order.
    static func all(in bundle: ManifestBundle) -> [AttachedRoute] {
        var routes: [AttachedRoute] = []
        for kind in GatewayTopology.routeKinds {
            for object in bundle.objects(group: APIGroup.gatewayAPI, kind: kind) {
                routes.append(AttachedRoute(object, attachGroup: APIGroup.gatewayAPI, attachKind: kind))
            }
        }
        for object in bundle.objects(group: APIGroup.aiGateway, kind: "AIGatewayRoute") {
            routes.append(AttachedRoute(object, attachGroup: APIGroup.gatewayAPI, attachKind: "HTTPRoute"))
        }
        return routes.sorted { ($0.object.source, $0.object.documentIndex) < ($1.object.source, $1.object.documentIndex) }
    }

    init(_ object: ManifestObject, attachGroup: String, attachKind: String) {
        self.object = object
        self.attachGroup = attachGroup
        self.attachKind = attachKind
        let spec = object.node["spec"]
        hostnames = (spec?.list("hostnames") ?? []).compactMap { $0.string?.lowercased() }
        parentRefs = (spec?.list("parentRefs") ?? []).enumerated().compactMap { index, node in
            ParentReference(node, index: index, routeNamespace: object.namespace)
        }
    }

    /// `HTTPRoute "shop/web"`, for messages.
    var label: String { "\(object.kind) \"\(object.qualifiedName)\"" }

    /// Whether every rule only redirects to https: the route of an HTTP→HTTPS redirect listener.
    var redirectsToHTTPS: Bool {
        guard object.kind == "HTTPRoute", let rules = object.node["spec"]?["rules"]?.items, !rules.isEmpty else { return false }
        return rules.allSatisfy { rule in
            rule.list("filters").contains { filter in
                filter["type"]?.string == "RequestRedirect" && filter["requestRedirect"]?["scheme"]?.string == "https"
            }
        }
    }
}

/// One listener of a Gateway.
struct GatewayListener {
    let index: Int
    let name: String?
    let port: Int64?
    let protocolName: String?
    /// Lowercased; nil when the listener matches every host.
    let hostname: String?
    let node: SourceNode

    static func all(of gateway: ManifestObject) -> [GatewayListener] {
        (gateway.node["spec"]?.list("listeners") ?? []).enumerated().map { index, node in
            GatewayListener(
                index: index, name: node["name"]?.string, port: node["port"]?.integer,
                protocolName: node["protocol"]?.string, hostname: node.nonEmptyString("hostname")?.lowercased(), node: node)
        }
    }

    var path: [PathToken] { ["spec", "listeners", .index(index)] }

    /// `"https"`, or `#2` for a listener without a name.
    var label: String { name.map { "\"\($0)\"" } ?? "#\(index)" }

    /// Whether the listener admits the route (its namespace and kind), with the reason when it
    /// does not; `unknown` when the answer depends on namespace labels the bundle does not show.
    func admits(_ route: AttachedRoute, gatewayNamespace: String, namespaces: NamespaceLabels) -> Admission {
        let allowed = node["allowedRoutes"]
        let routeNamespace = route.object.namespace
        var verdict = Admission.admitted
        switch allowed?["namespaces"]?["from"]?.string ?? "Same" {
        case "All":
            break
        case "Selector":
            let labels = namespaces.labels(of: routeNamespace)
            switch LabelSelector.matches(allowed?["namespaces"]?["selector"], labels: labels.labels, complete: labels.complete) {
            case true?: break
            case false?:
                return .refused("listener \(label) admits routes only from namespaces its selector matches, and namespace \"\(routeNamespace)\" does not match", byKind: false)
            case nil:
                verdict = .unknown
            }
        case "Same":
            if routeNamespace != gatewayNamespace {
                return .refused("listener \(label) admits routes only from the Gateway's namespace \"\(gatewayNamespace)\" (allowedRoutes.namespaces.from: Same), and the route is in \"\(routeNamespace)\"", byKind: false)
            }
        default:
            verdict = .unknown
        }
        let kinds = allowed?.list("kinds") ?? []
        if !kinds.isEmpty {
            let admitted = kinds.contains { entry in
                let group = entry.has("group") ? entry["group"]?.string ?? "" : APIGroup.gatewayAPI
                return entry["kind"]?.string == route.attachKind && group == route.attachGroup
            }
            if !admitted {
                let names = kinds.compactMap { $0["kind"]?.string }.joined(separator: ", ")
                return .refused("listener \(label) admits only \(names) (allowedRoutes.kinds), not \(route.attachKind)", byKind: true)
            }
        } else if let protocolName, let supported = GatewayTopology.routeKinds(forProtocol: protocolName),
            route.attachGroup == APIGroup.gatewayAPI, !supported.contains(route.attachKind)
        {
            return .refused("listener \(label) has protocol \(protocolName), which carries \(supported.joined(separator: " and ")), not \(route.attachKind)", byKind: true)
        }
        return verdict
    }

    /// Whether the route's hostnames leave the listener some host to serve (always, when either
    /// side has none).
    func intersects(_ route: AttachedRoute) -> Bool {
        guard let hostname, !route.hostnames.isEmpty else { return true }
        return route.hostnames.contains { Hostnames.intersect(hostname, $0) }
    }
}

enum Admission: Equatable {
    case admitted
    /// Why not; `byKind` when the route's kind, not its namespace, is what the listener refuses.
    case refused(String, byKind: Bool)
    /// The selector names labels the bundle does not show; say nothing.
    case unknown

    var isRefused: Bool {
        if case .refused = self { return true }
        return false
    }
}

enum GatewayTopology {
    /// Route kinds of Gateway API that attach to Gateways through `parentRefs`.
    static let routeKinds = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]
    /// Route kinds whose `spec.hostnames` must intersect the listener's hostname.
    static let hostnameRouteKinds: Set<String> = ["HTTPRoute", "GRPCRoute", "TLSRoute"]

    /// The route kinds a listener protocol carries when `allowedRoutes.kinds` is empty (as Envoy
    /// Gateway implements them); nil for protocols it does not know.
    static func routeKinds(forProtocol protocolName: String) -> [String]? {
        switch protocolName {
        case "HTTP", "HTTPS": ["HTTPRoute", "GRPCRoute"]
        case "TLS": ["TLSRoute", "TCPRoute"]
        case "TCP": ["TCPRoute"]
        case "UDP": ["UDPRoute"]
        default: nil
        }
    }
}

/// Hostname matching of Gateway API: a `*.` label matches one or more labels (so
/// `*.example.com` matches `foo.example.com` and `foo.bar.example.com`, never `example.com`).
enum Hostnames {
    /// Whether some host matches both `first` and `second` (either may be a wildcard).
    static func intersect(_ first: String, _ second: String) -> Bool {
        let first = first.lowercased(), second = second.lowercased()
        if first == second { return true }
        let firstSuffix = first.hasPrefix("*.") ? first.dropFirst() : nil
        let secondSuffix = second.hasPrefix("*.") ? second.dropFirst() : nil
        switch (firstSuffix, secondSuffix) {
        case let (firstSuffix?, secondSuffix?):
            return firstSuffix.hasSuffix(secondSuffix) || secondSuffix.hasSuffix(firstSuffix)
        case let (firstSuffix?, nil):
            return second.hasSuffix(firstSuffix)
        case let (nil, secondSuffix?):
            return first.hasSuffix(secondSuffix)
        case (nil, nil):
            return false
        }
    }
}

/// The labels of namespaces as far as the bundle shows them: every namespace carries
/// `kubernetes.io/metadata.name` (set by the API server since Kubernetes 1.22); a Namespace
/// object in the bundle shows all its labels.
struct NamespaceLabels {
    static let nameLabel = "kubernetes.io/metadata.name"
    private var declared: [String: [String: String]] = [:]

    init(_ bundle: ManifestBundle) {
        for namespace in bundle.objects(group: "", kind: "Namespace") {
            guard let name = namespace.name else { continue }
            var labels: [String: String] = [:]
            for entry in namespace.node["metadata"]?["labels"]?.entries ?? [] {
                if let value = entry.value.string { labels[entry.key] = value }
            }
            labels[Self.nameLabel] = name
            declared[name] = labels
        }
    }

    /// The labels known for `namespace`, and whether they are all of its labels.
    func labels(of namespace: String) -> (labels: [String: String], complete: Bool) {
        if let labels = declared[namespace] { return (labels, true) }
        return ([Self.nameLabel: namespace], false)
    }
}

/// A Kubernetes label selector (`matchLabels`, `matchExpressions`) evaluated on partly known labels.
enum LabelSelector {
    /// true or false when the known labels decide it (a failing requirement decides even when
    /// others are unknown, as requirements are ANDed); nil when only unknown labels could.
    static func matches(_ selector: SourceNode?, labels: [String: String], complete: Bool) -> Bool? {
        // An empty selector selects every namespace.
        guard let selector else { return true }
        var undecided = false
        func check(_ key: String, _ requirement: (String?) -> Bool) -> Bool {
            guard labels[key] != nil || complete else {
                undecided = true
                return true
            }
            return requirement(labels[key])
        }
        for entry in selector["matchLabels"]?.entries ?? [] {
            let expected = entry.value.string
            if !check(entry.key, { $0 != nil && $0 == expected }) { return false }
        }
        for expression in selector.list("matchExpressions") {
            guard let key = expression["key"]?.string, let operation = expression["operator"]?.string else {
                undecided = true
                continue
            }
            let values = expression.list("values").compactMap(\.string)
            let satisfied: Bool
            switch operation {
            case "In": satisfied = check(key) { $0.map(values.contains) ?? false }
            case "NotIn": satisfied = check(key) { $0.map { !values.contains($0) } ?? true }
            case "Exists": satisfied = check(key) { $0 != nil }
            case "DoesNotExist": satisfied = check(key) { $0 == nil }
            default:
                undecided = true
                satisfied = true
            }
            if !satisfied { return false }
        }
        return undecided ? nil : true
    }
}
