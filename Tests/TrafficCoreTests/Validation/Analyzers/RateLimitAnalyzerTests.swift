import Foundation
import Testing
import TrafficCore

@Suite struct RateLimitAnalyzerTests {
    static func policy(_ header: String, scope: String = "local", target: String = "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}") -> String {
        """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {name: limits, namespace: apps}
        spec:
          targetRefs: [\(target)]
          rateLimit:
            \(scope):
              rules:
              - clientSelectors: [{headers: [\(header)]}]
                limit: {requests: 10, unit: Minute}
        ---

        """
    }

    static func jwt(header: String, target: String = "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}",
                    name: String = "auth") -> String {
        """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: \(name), namespace: apps}
        spec:
          targetRefs: [\(target)]
          jwt:
            providers:
            - name: idp
              remoteJWKS: {uri: https://idp.example.com/jwks.json}
              claimToHeaders: [{claim: sub, header: \(header)}]
        ---

        """
    }

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

    static let onGateway = "{group: gateway.networking.k8s.io, kind: Gateway, name: eg}"

    static let envoyHPA = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: envoy, namespace: envoy-gateway-system}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: envoy-apps-eg-1234abcd}
          minReplicas: 2
          maxReplicas: 10
        ---

        """

    static let cases: [AnalyzerCase] = [
        .fails("\"*\" with the default type", "TS5001", .warning, at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0/value",
               "header \"x-api-key\" has value \"*\" with no type (Exact), which matches only the literal value \"*\"",
               yaml: policy("{name: x-api-key, value: \"*\"}")),
        .passes("\".*\" as a regular expression", "TS5001", yaml: policy("{name: x-api-key, type: RegularExpression, value: \".*\"}")),

        .fails("Distinct with invert", "TS5002", .error, at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0/invert",
               "header \"x-user\" has type Distinct with invert: true",
               yaml: jwt(header: "x-user") + policy("{name: x-user, type: Distinct, invert: true}")),
        .passes("Exact with invert", "TS5002", yaml: policy("{name: x-user, value: admin, invert: true}")),

        .fails("Distinct with a value", "TS5003", .error, at: "/spec/rateLimit/global/rules/0/clientSelectors/0/headers/0/value",
               "header \"x-user\" has type Distinct and value \"alice\"",
               yaml: jwt(header: "x-user") + policy("{name: x-user, type: Distinct, value: alice}", scope: "global")),
        .passes("Distinct without a value", "TS5003", yaml: jwt(header: "x-user") + policy("{name: x-user, type: Distinct}")),

        .fails("no type and no value", "TS5004", .error, at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0",
               "header \"x-tenant\" has no type (Exact) but no value", yaml: policy("{name: x-tenant}")),
        .fails("RegularExpression without a value", "TS5004", .error, at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0",
               "header \"x-tenant\" has type RegularExpression but no value", yaml: policy("{name: x-tenant, type: RegularExpression}")),
        .passes("Exact with a value", "TS5004", yaml: policy("{name: x-tenant, type: Exact, value: acme}")),

        .fails("a per-user key no JWT claim sets", "TS5005", .warning,
               at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0/name",
               "no SecurityPolicy in the bundle sets \"x-user-id\" from a JWT claim", yaml: policy("{name: x-user-id, type: Distinct}")),
        .fails("a claim header set on another route only", "TS5005", .warning,
               at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0/name",
               "no SecurityPolicy sets it from a JWT claim on HTTPRoute \"apps/web\" (SecurityPolicy \"apps/auth\" sets it elsewhere)",
               yaml: route + jwt(header: "x-user-id", target: "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: other}")
                   + policy("{name: x-user-id, type: Distinct}")),
        .fails("a route SecurityPolicy without the claim replaces the Gateway's", "TS5005", .warning,
               at: "/spec/rateLimit/local/rules/0/clientSelectors/0/headers/0/name", "on HTTPRoute \"apps/web\"",
               yaml: route + jwt(header: "x-user-id", target: onGateway) + jwt(header: "x-other", name: "route-auth")
                   + policy("{name: x-user-id, type: Distinct}")),
        .passes("a claim header on the same route (case-insensitive)", "TS5005",
                yaml: jwt(header: "X-User-Id") + policy("{name: x-user-id, type: Distinct}")),
        .passes("a claim header on the route's parent Gateway", "TS5005",
                yaml: route + jwt(header: "x-user-id", target: onGateway) + policy("{name: x-user-id, type: Distinct}")),

        .fails("global rules", "TS5006", .info, at: "/spec/rateLimit/global",
               "BackendTrafficPolicy \"apps/limits\" sets global rate limits",
               yaml: policy("{name: x-tenant, value: acme}", scope: "global")),
        .passes("local rules only", "TS5006", yaml: policy("{name: x-tenant, value: acme}")),

        .fails("local rules with an autoscaled Envoy Deployment", "TS5007", .info, at: "/spec/rateLimit/local",
               "HorizontalPodAutoscaler \"envoy-gateway-system/envoy\" (on Deployment envoy-apps-eg-1234abcd) scales the Envoy proxy",
               yaml: envoyHPA + policy("{name: x-tenant, value: acme}")),
        .fails("local rules with an EnvoyProxy HPA", "TS5007", .info, at: "/spec/rateLimit/local",
               "EnvoyProxy \"envoy-gateway-system/proxy\" (provider.kubernetes.envoyHpa)",
               yaml: """
                   apiVersion: gateway.envoyproxy.io/v1alpha1
                   kind: EnvoyProxy
                   metadata: {name: proxy, namespace: envoy-gateway-system}
                   spec:
                     provider:
                       type: Kubernetes
                       kubernetes: {envoyHpa: {maxReplicas: 5}}
                   ---

                   """ + policy("{name: x-tenant, value: acme}")),
        .passes("global rules with an autoscaled Envoy Deployment", "TS5007",
                yaml: envoyHPA + policy("{name: x-tenant, value: acme}", scope: "global")),
        .passes("local rules with an autoscaled application", "TS5007",
                yaml: envoyHPA.replacingOccurrences(of: "envoy-apps-eg-1234abcd", with: "web") + policy("{name: x-tenant, value: acme}")),
    ]

    @Test(arguments: cases)
    func check(_ testCase: AnalyzerCase) { testCase.check(RateLimitAnalyzer()) }

    @Test func everyCodeHasAFailingAndAPassingCase() {
        AnalyzerCase.checkCoverage(Self.cases, of: RateLimitAnalyzer())
    }
}
