/// A reference from one object to another (a backend, a Secret, …) with the defaults of its
/// field type applied.
struct ObjectReference {
    var group: String
    var kind: String
    var name: String
    /// As written; nil when absent or empty (the referring object's namespace).
    var namespace: String?
    var port: Int64?
    /// The reference inside the referring object.
    var path: [PathToken]
    var role: ReferenceSite.Role

    /// The object it names, for a reference made by `referrer`.
    func target(from referrer: ManifestObject) -> ObjectKey {
        ObjectKey(group: group, kind: kind, namespace: namespace ?? referrer.namespace, name: name)
    }

    /// Whether it leaves the referring object's namespace.
    func crossesNamespace(from referrer: ManifestObject) -> Bool {
        guard let namespace else { return false }
        return namespace != referrer.namespace
    }
}

/// Where a kind holds references to other objects, as a path pattern (`[]` steps into every
/// list item) and the group and kind the field defaults to.
struct ReferenceSite {
    enum Role {
        /// Traffic is sent to it (a Service, an Envoy Gateway Backend, …).
        case backend
        /// Its content is read (a Secret, a ConfigMap).
        case resource
    }

    let steps: [Step]
    let defaultGroup: String
    let defaultKind: String
    let role: Role

    enum Step {
        case key(String)
        case everyItem
    }

    /// `pattern` such as `spec.rules[].backendRefs[]`.
    init(_ pattern: String, group: String, kind: String, role: Role) {
        var steps: [Step] = []
        for component in pattern.split(separator: ".") {
            if component.hasSuffix("[]") {
                steps.append(.key(String(component.dropLast(2))))
                steps.append(.everyItem)
            } else {
                steps.append(.key(String(component)))
            }
        }
        self.steps = steps
        self.defaultGroup = group
        self.defaultKind = kind
        self.role = role
    }

    static func backend(_ pattern: String) -> ReferenceSite {
        ReferenceSite(pattern, group: "", kind: "Service", role: .backend)
    }

    static func secret(_ pattern: String) -> ReferenceSite {
        ReferenceSite(pattern, group: "", kind: "Secret", role: .resource)
    }

    /// The references this site holds in `node` (an object's root).
    func references(in node: SourceNode) -> [ObjectReference] {
        var found: [ObjectReference] = []
        func walk(_ node: SourceNode, _ stepIndex: Int, _ path: [PathToken]) {
            guard stepIndex < steps.count else {
                if let reference = reference(node, at: path) { found.append(reference) }
                return
            }
            switch steps[stepIndex] {
            case .key(let key):
                if let child = node[key] { walk(child, stepIndex + 1, path + [.key(key)]) }
            case .everyItem:
                for (index, item) in (node.items ?? []).enumerated() { walk(item, stepIndex + 1, path + [.index(index)]) }
            }
        }
        walk(node, 0, [])
        return found
    }

    private func reference(_ node: SourceNode, at path: [PathToken]) -> ObjectReference? {
        guard let name = node["name"]?.string, !name.isEmpty else { return nil }
        return ObjectReference(
            group: node.has("group") ? node["group"]?.string ?? "" : defaultGroup,
            kind: node.nonEmptyString("kind") ?? defaultKind,
            name: name, namespace: node.nonEmptyString("namespace"), port: node["port"]?.integer,
            path: path, role: role)
    }
}

/// Every field of the built-in kinds that references an object that may sit in another
/// namespace, by referring group and kind.
enum ReferenceSites {
    private static let routeBackends: [ReferenceSite] = [
        .backend("spec.rules[].backendRefs[]"),
        .backend("spec.rules[].filters[].requestMirror.backendRef"),
        .backend("spec.rules[].backendRefs[].filters[].requestMirror.backendRef"),
        .backend("spec.rules[].filters[].externalAuth.backendRef"),
        .backend("spec.rules[].backendRefs[].filters[].externalAuth.backendRef"),
    ]

    private static let sites: [String: [ReferenceSite]] = {
        var sites: [String: [ReferenceSite]] = [:]
        for kind in GatewayTopology.routeKinds { sites["\(APIGroup.gatewayAPI)/\(kind)"] = routeBackends }
        sites["\(APIGroup.gatewayAPI)/Gateway"] = [
            .secret("spec.listeners[].tls.certificateRefs[]"),
            .secret("spec.tls.backend.clientCertificateRef"),
            ReferenceSite("spec.tls.frontend.default.validation.caCertificateRefs[]", group: "", kind: "ConfigMap", role: .resource),
            ReferenceSite("spec.tls.frontend.perPort[].tls.validation.caCertificateRefs[]", group: "", kind: "ConfigMap", role: .resource),
        ]
        sites["\(APIGroup.envoyGateway)/SecurityPolicy"] = [
            .backend("spec.extAuth.grpc.backendRef"), .backend("spec.extAuth.grpc.backendRefs[]"),
            .backend("spec.extAuth.http.backendRef"), .backend("spec.extAuth.http.backendRefs[]"),
            .backend("spec.jwt.providers[].remoteJWKS.backendRef"), .backend("spec.jwt.providers[].remoteJWKS.backendRefs[]"),
            .backend("spec.oidc.provider.backendRef"), .backend("spec.oidc.provider.backendRefs[]"),
            .secret("spec.basicAuth.users"), .secret("spec.apiKeyAuth.credentialRefs[]"),
            .secret("spec.oidc.clientSecret"), .secret("spec.oidc.clientIDRef"),
        ]
        sites["\(APIGroup.envoyGateway)/ClientTrafficPolicy"] = [
            .secret("spec.tls.clientValidation.caCertificateRefs[]"), .secret("spec.tls.clientValidation.crl.refs[]"),
        ]
        sites["\(APIGroup.envoyGateway)/EnvoyExtensionPolicy"] = [
            .backend("spec.extProc[].backendRef"), .backend("spec.extProc[].backendRefs[]"),
            .secret("spec.wasm[].code.image.pullSecretRef"), .secret("spec.wasm[].code.image.tls.caCertificateRef"),
            .secret("spec.wasm[].code.http.tls.caCertificateRef"),
        ]
        sites["\(APIGroup.envoyGateway)/Backend"] = [.secret("spec.tls.clientCertificateRef")]
        sites["\(APIGroup.envoyGateway)/HTTPRouteFilter"] = [.secret("spec.credentialInjection.credential.valueRef")]
        sites["\(APIGroup.aiGateway)/AIGatewayRoute"] = [
            ReferenceSite("spec.rules[].backendRefs[]", group: APIGroup.aiGateway, kind: "AIServiceBackend", role: .backend),
        ]
        sites["\(APIGroup.aiGateway)/AIServiceBackend"] = [.backend("spec.backendRef")]
        return sites
    }()

    /// The references `object` holds, in field order.
    static func references(in object: ManifestObject) -> [ObjectReference] {
        (sites["\(object.group)/\(object.kind)"] ?? []).flatMap { $0.references(in: object.node) }
    }
}
