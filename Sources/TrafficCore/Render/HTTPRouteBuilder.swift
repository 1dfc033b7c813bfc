/// The HTTPRoute carrying every spec route as one rule (in spec order), and, when an HTTP
/// listener redirects, a second HTTPRoute attached only to that listener answering 301 → https.
struct HTTPRouteBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    private var redirectingListeners: [ListenerSpec] {
        spec.gateway.listeners.filter { $0.redirectToHTTPS == true }
    }

    func build() -> [Manifest] {
        guard let routes = spec.routes, !routes.isEmpty else { return [] }
        var manifests = [main(routes)]
        if let redirect = redirect() { manifests.append(redirect) }
        return manifests
    }

    private func parentRef(sectionName: String?) -> JSONValue {
        object(
            ("group", "gateway.networking.k8s.io"),
            ("kind", "Gateway"),
            ("name", .string(names.gateway)),
            ("sectionName", sectionName.json { .string($0) })
        )
    }

    /// Without redirects the route attaches to the whole Gateway; with them, only to the
    /// listeners that serve traffic, so redirected plain-HTTP requests never reach a backend.
    private var mainParentRefs: JSONValue {
        guard !redirectingListeners.isEmpty else { return [parentRef(sectionName: nil)] }
        return .array(spec.gateway.listeners.filter { $0.redirectToHTTPS != true }.map { parentRef(sectionName: $0.name) })
    }

    private var hostnames: JSONValue? { spec.hostnames.json { .strings($0) } }

    private func main(_ routes: [RouteSpec]) -> Manifest {
        let body = object(
            ("parentRefs", mainParentRefs),
            ("hostnames", hostnames),
            ("rules", .array(routes.map(rule)))
        )
        return metadata.namespaced(apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", name: names.httpRoute, spec: body)
    }

    private func rule(_ route: RouteSpec) -> JSONValue {
        object(
            ("name", .string(route.name)),
            ("matches", [match(route)]),
            ("filters", route.rewrite.json { [rewriteFilter($0)] }),
            ("backendRefs", .array(route.backends.map(backendRef))),
            ("timeouts", route.timeouts.json { timeouts in
                object(
                    ("request", timeouts.request.json { .string($0) }),
                    ("backendRequest", timeouts.backendRequest.json { .string($0) })
                )
            }?.nonEmpty)
        )
    }

    private func match(_ route: RouteSpec) -> JSONValue {
        let path: JSONValue =
            if let exact = route.path {
                object(("type", "Exact"), ("value", .string(exact)))
            } else if let regex = route.pathRegex {
                object(("type", "RegularExpression"), ("value", .string(regex)))
            } else {
                object(("type", "PathPrefix"), ("value", .string(route.pathPrefix ?? "/")))
            }
        func matches(_ items: [MatchSpec]?) -> JSONValue? {
            items.json { list in
                .array(list.map { object(("name", .string($0.name)), ("type", .string($0.type ?? "Exact")), ("value", .string($0.value))) })
            }
        }
        return object(
            ("path", path),
            ("headers", matches(route.headers)),
            ("queryParams", matches(route.queryParams)),
            ("method", route.method.json { .string($0) })
        )
    }

    private func rewriteFilter(_ rewrite: RewriteSpec) -> JSONValue {
        let path: JSONValue? =
            if let prefix = rewrite.pathPrefix {
                object(("type", "ReplacePrefixMatch"), ("replacePrefixMatch", .string(prefix)))
            } else if let full = rewrite.fullPath {
                object(("type", "ReplaceFullPath"), ("replaceFullPath", .string(full)))
            } else {
                nil
            }
        return object(
            ("type", "URLRewrite"),
            ("urlRewrite", object(("hostname", rewrite.hostname.json { .string($0) }), ("path", path)))
        )
    }

    private func backendRef(_ backend: BackendSpec) -> JSONValue {
        object(
            ("group", ""),
            ("kind", "Service"),
            ("name", .string(backend.service)),
            ("namespace", backend.namespace.json { .string($0) }),
            ("port", .int(backend.port)),
            ("weight", .int(backend.weight ?? 1))
        )
    }

    private func redirect() -> Manifest? {
        guard !redirectingListeners.isEmpty,
            let https = spec.gateway.listeners.first(where: { $0.protocol == "HTTPS" })
        else { return nil }
        let body = object(
            ("parentRefs", .array(redirectingListeners.map { parentRef(sectionName: $0.name) })),
            ("hostnames", hostnames),
            ("rules", [object(
                ("filters", [object(
                    ("type", "RequestRedirect"),
                    ("requestRedirect", object(
                        ("scheme", "https"),
                        // 443 is implied by the https scheme; any other port must be spelled out.
                        ("port", https.port == 443 ? nil : .int(https.port)),
                        ("statusCode", 301)
                    ))
                )])
            )])
        )
        return metadata.namespaced(apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", name: names.redirectRoute, spec: body)
    }
}
