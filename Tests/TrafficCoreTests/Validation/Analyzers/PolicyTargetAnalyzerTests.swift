import Testing
import TrafficCore

@Suite struct PolicyTargetAnalyzerTests {
    static let route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: apps}
        spec:
          parentRefs: [{name: eg}]
          rules:
          - backendRefs: [{name: web, port: 8080}]
        ---

        """

    static func policy(_ name: String, kind: String = "BackendTrafficPolicy", target: String, namespace: String = "apps",
                       created: String? = nil) -> String {
        let timestamp = created.map { ", creationTimestamp: \"\($0)\"" } ?? ""
        return """
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: \(kind)
            metadata: {name: \(name), namespace: \(namespace)\(timestamp)}
            spec:
              targetRefs: [\(target)]
              timeout: {http: {requestTimeout: 10s}}
            ---

            """
    }

    static let onRoute = "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}"

    static let cases: [AnalyzerCase] = [
        .fails("the target is not in the bundle", "TS3009", .warning, at: "/spec/targetRefs/0/name",
               "HTTPRoute \"apps/web\" is not in the bundle", yaml: policy("limits", target: onRoute)),
        .fails("a BackendTLSPolicy on a missing Service", "TS3009", .warning, at: "/spec/targetRefs/0/name",
               "Service \"apps/api\" is not in the bundle",
               yaml: """
                   apiVersion: gateway.networking.k8s.io/v1
                   kind: BackendTLSPolicy
                   metadata: {name: api-tls, namespace: apps}
                   spec:
                     targetRefs: [{group: "", kind: Service, name: api}]
                     validation: {hostname: api.example.com, wellKnownCACertificates: System}
                   """),
        .passes("the target is in the bundle", "TS3009", yaml: route + policy("limits", target: onRoute)),
        .passes("the HTTPRoute that an AIGatewayRoute renders", "TS3009",
                yaml: """
                    apiVersion: aigateway.envoyproxy.io/v1alpha1
                    kind: AIGatewayRoute
                    metadata: {name: web, namespace: apps}
                    spec:
                      parentRefs: [{name: eg}]
                      rules: [{backendRefs: [{name: openai}]}]
                    ---

                    """ + policy("limits", target: onRoute)),

        .fails("a target in another namespace", "TS3010", .error, at: "/spec/targetRefs/0/namespace",
               "targets HTTPRoute \"web\" in namespace \"shop\"",
               yaml: route + policy("limits", target: "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web, namespace: shop}")),
        .passes("a namespace that is the policy's own", "TS3010",
                yaml: route + policy("limits", target: "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web, namespace: apps}")),

        .fails("two BackendTrafficPolicies on one route: alphabetical order decides", "TS3011", .warning, at: "/spec/targetRefs/0",
               "BackendTrafficPolicy \"apps/a-limits\" also targets HTTPRoute \"apps/web\"; it takes effect because \"apps/a-limits\" sorts before \"apps/b-limits\"",
               yaml: route + policy("b-limits", target: onRoute) + policy("a-limits", target: onRoute)),
        .fails("two policies on one route: the older wins", "TS3011", .warning, at: "/spec/targetRefs/0",
               "BackendTrafficPolicy \"apps/z-limits\" also targets HTTPRoute \"apps/web\"; it takes effect because it is older",
               yaml: route + policy("a-limits", target: onRoute, created: "2025-02-01T00:00:00Z")
                   + policy("z-limits", target: onRoute, created: "2025-01-01T00:00:00Z")),
        .passes("policies of different kinds on one route", "TS3011",
                yaml: route + policy("limits", target: onRoute) + policy("auth", kind: "SecurityPolicy", target: onRoute)),
        .passes("policies on different sections of one Gateway", "TS3011",
                yaml: policy("http", kind: "ClientTrafficPolicy", target: "{group: gateway.networking.k8s.io, kind: Gateway, name: eg, sectionName: http}")
                    + policy("all", kind: "ClientTrafficPolicy", target: "{group: gateway.networking.k8s.io, kind: Gateway, name: eg}")),
    ]

    @Test(arguments: cases)
    func check(_ testCase: AnalyzerCase) { testCase.check(PolicyTargetAnalyzer()) }

    @Test func everyCodeHasAFailingAndAPassingCase() {
        AnalyzerCase.checkCoverage(Self.cases, of: PolicyTargetAnalyzer())
    }
}
