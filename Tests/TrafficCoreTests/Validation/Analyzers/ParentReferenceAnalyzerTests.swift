import Testing
import TrafficCore

@Suite struct ParentReferenceAnalyzerTests {
    /// Gateway `infra/edge`: `http` (80, any host, routes from its own namespace) and `https`
    /// (443, `*.example.com`, routes from every namespace).
    static let gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          gatewayClassName: eg
          listeners:
          - {name: http, protocol: HTTP, port: 80}
          - name: https
            protocol: HTTPS
            port: 443
            hostname: "*.example.com"
            tls: {certificateRefs: [{name: wildcard}]}
            allowedRoutes: {namespaces: {from: All}}
        ---

        """

    static func route(_ parentRef: String, namespace: String = "shop", hostnames: String = "", kind: String = "HTTPRoute",
                      name: String = "web") -> String {
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: \(kind)
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          parentRefs: [\(parentRef)]
        \(hostnames.isEmpty ? "" : "  hostnames: [\(hostnames)]\n")  rules:
          - backendRefs: [{name: web, port: 8080}]

        """
    }

    static func listenerGateway(_ listener: String) -> String {
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          gatewayClassName: eg
          listeners:
          - \(listener)
        ---

        """
    }

    static let redirect = """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: to-https, namespace: infra}
        spec:
          parentRefs: [{name: edge, sectionName: http}]
          rules:
          - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]

        """

    static let cases: [AnalyzerCase] = [
        .fails("the Gateway is not in the bundle", "TS3001", .warning, at: "/spec/parentRefs/0/name",
               "Gateway \"shop/eg\" is not in the bundle", yaml: route("{name: eg}")),
        .passes("the Gateway is in the bundle, in another namespace", "TS3001",
                yaml: gateway + route("{name: edge, namespace: infra}")),
        .passes("a parent that is not a Gateway (a mesh Service)", "TS3001",
                yaml: route("{group: \"\", kind: Service, name: web, port: 8080}")),

        .fails("no listener of that name", "TS3002", .error, at: "/spec/parentRefs/0/sectionName",
               "has no listener named \"admin\" (its listeners: \"http\", \"https\")",
               yaml: gateway + route("{name: edge, namespace: infra, sectionName: admin}")),
        .fails("no listener on that port", "TS3002", .error, at: "/spec/parentRefs/0/port",
               "has no listener on port 8443", yaml: gateway + route("{name: edge, namespace: infra, port: 8443}")),
        .passes("listener named and on its port", "TS3002",
                yaml: gateway + route("{name: edge, namespace: infra, sectionName: https, port: 443}", hostnames: "shop.example.com")),

        .fails("from Same, route in another namespace", "TS3003", .error, at: "/spec/parentRefs/0",
               "admits routes only from the Gateway's namespace \"infra\"",
               yaml: gateway + route("{name: edge, namespace: infra, sectionName: http}")),
        .fails("a selector on the namespace name that excludes the route's namespace", "TS3003", .error, at: "/spec/parentRefs/0",
               "namespace \"shop\" does not match",
               yaml: listenerGateway("{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: team-a}}}}}") + route("{name: edge, namespace: infra}")),
        .fails("a selector on a label the bundle's Namespace lacks", "TS3003", .error, at: "/spec/parentRefs/0",
               "namespace \"shop\" does not match",
               yaml: listenerGateway("{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: [{key: expose, operator: In, values: [\"true\"]}]}}}}") + "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {expose: \"false\"}}\n---\n"
                   + route("{name: edge, namespace: infra}")),
        .fails("allowedRoutes.kinds without the route's kind", "TS3003", .error, at: "/spec/parentRefs/0",
               "admits only GRPCRoute (allowedRoutes.kinds), not HTTPRoute",
               yaml: listenerGateway("{name: http, protocol: HTTP, port: 80, allowedRoutes: {kinds: [{kind: GRPCRoute}]}}")
                   + route("{name: edge, namespace: infra}", namespace: "infra")),
        .fails("a TCPRoute on an HTTP listener", "TS3003", .error, at: "/spec/parentRefs/0",
               "has protocol HTTP, which carries HTTPRoute and GRPCRoute, not TCPRoute",
               yaml: gateway + route("{name: edge, sectionName: http}", namespace: "infra", kind: "TCPRoute")),
        .passes("no sectionName: one listener admits the namespace, the other does not", "TS3003",
                yaml: gateway + route("{name: edge, namespace: infra}")),
        .passes("a selector on labels the bundle does not show", "TS3003",
                yaml: listenerGateway("{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {expose: \"true\"}}}}}") + route("{name: edge, namespace: infra}")),
        .passes("a selector on the namespace name that includes it", "TS3003",
                yaml: listenerGateway("{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: shop}}}}}") + route("{name: edge, namespace: infra}")),

        .fails("route hostnames outside the listener's wildcard", "TS3004", .error, at: "/spec/hostnames",
               "none of the route's hostnames (shop.example.org, example.com)",
               yaml: gateway + route("{name: edge, namespace: infra, sectionName: https}", hostnames: "shop.example.org, example.com")),
        .passes("a wildcard listener matches several labels", "TS3004",
                yaml: gateway + route("{name: edge, namespace: infra, sectionName: https}", hostnames: "a.b.example.com")),
        .passes("a wildcard route on an exact listener", "TS3004",
                yaml: listenerGateway("{name: http, protocol: HTTP, port: 80, hostname: shop.example.com}")
                    + route("{name: edge, namespace: infra}", namespace: "infra", hostnames: "\"*.example.com\"")),
        .passes("no sectionName: the listener without hostname serves any host", "TS3004",
                yaml: gateway + route("{name: edge, namespace: infra}", namespace: "infra", hostnames: "shop.example.org")),

        .fails("a route on every listener of a Gateway that redirects HTTP", "TS3005", .warning, at: "/spec/parentRefs/0",
               "also attaches to the HTTP listener \"http\" of Gateway \"infra/edge\", which HTTPRoute \"infra/to-https\" redirects",
               yaml: gateway + route("{name: edge}", namespace: "infra") + redirect),
        .passes("the route names the HTTPS listener", "TS3005",
                yaml: gateway + route("{name: edge, sectionName: https}", namespace: "infra", hostnames: "shop.example.com") + redirect),
        .passes("the HTTP listener serves other routes too, so it is not a redirect listener", "TS3005",
                yaml: gateway + route("{name: edge}", namespace: "infra") + redirect
                    + "---\n" + route("{name: edge, sectionName: http}", namespace: "infra", name: "plain")),
    ]

    @Test(arguments: cases)
    func check(_ testCase: AnalyzerCase) {
        testCase.check(ParentReferenceAnalyzer())
    }

    @Test func everyCodeHasAFailingAndAPassingCase() {
        AnalyzerCase.checkCoverage(Self.cases, of: ParentReferenceAnalyzer())
    }
}
