import Testing
import TrafficCore

/// Backends (TS3006, TS3007), ReferenceGrants (TS3008) and Gateway certificates (TS3012).
@Suite struct ReferenceAnalyzerTests {
    static let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: billing, namespace: billing}
        spec:
          ports: [{name: http, port: 9000, targetPort: 8080}]
        ---

        """

    static func route(_ backendRef: String, kind: String = "HTTPRoute") -> String {
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: \(kind)
        metadata: {name: portal, namespace: frontend}
        spec:
          parentRefs: [{name: eg}]
          rules:
          - backendRefs: [\(backendRef)]
        ---

        """
    }

    static func grant(from: String, to: String) -> String {
        """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: grant, namespace: billing}
        spec:
          from: [\(from)]
          to: [\(to)]
        ---

        """
    }

    static let securityPolicyWithExtAuth = """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: auth, namespace: frontend}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: portal}]
          extAuth:
            http:
              backendRefs: [{name: billing, namespace: billing, port: 9000}]
        ---

        """

    static func gateway(_ listener: String) -> String {
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: eg, namespace: frontend}
        spec:
          gatewayClassName: eg
          listeners:
          - \(listener)

        """
    }

    static let backendCases: [AnalyzerCase] = [
        .fails("the Service is not in the bundle", "TS3006", .warning, at: "/spec/rules/0/backendRefs/0/name",
               "Service \"frontend/portal\" is not in the bundle", yaml: route("{name: portal, port: 8080}")),
        .fails("an extAuth backend of a SecurityPolicy", "TS3006", .warning, at: "/spec/extAuth/http/backendRefs/0/name",
               "Service \"billing/billing\" is not in the bundle", yaml: securityPolicyWithExtAuth),
        .passes("the Service is in the bundle, in another namespace", "TS3006",
                yaml: service + route("{name: billing, namespace: billing, port: 9000}")),
        .passes("a backend kind the bundle cannot check", "TS3006",
                yaml: route("{group: multicluster.x-k8s.io, kind: ServiceImport, name: portal, port: 8080}")),

        .fails("the targetPort instead of the port", "TS3007", .error, at: "/spec/rules/0/backendRefs/0/port",
               "Service \"billing/billing\" has no port 8080 (its ports: 9000)",
               yaml: service + route("{name: billing, namespace: billing, port: 8080}")),
        .passes("a port the Service exposes", "TS3007", yaml: service + route("{name: billing, namespace: billing, port: 9000}")),
    ]

    static let grantCases: [AnalyzerCase] = [
        .fails("a cross-namespace backend without a grant", "TS3008", .warning, at: "/spec/rules/0/backendRefs/0/namespace",
               "HTTPRoute \"frontend/portal\" references Service \"billing/billing\" in another namespace, and no ReferenceGrant in \"billing\" permits it",
               yaml: service + route("{name: billing, namespace: billing, port: 9000}")),
        .fails("a grant for another kind of route", "TS3008", .warning, at: "/spec/rules/0/backendRefs/0/namespace",
               "no ReferenceGrant in \"billing\" permits it",
               yaml: service + grant(from: "{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: frontend}", to: "{group: \"\", kind: Service}")
                   + route("{name: billing, namespace: billing, port: 9000}")),
        .fails("a grant for another Service name", "TS3008", .warning, at: "/spec/rules/0/backendRefs/0/namespace",
               "no ReferenceGrant in \"billing\" permits it",
               yaml: grant(from: "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}", to: "{group: \"\", kind: Service, name: other}")
                   + route("{name: billing, namespace: billing, port: 9000}")),
        .fails("a SecurityPolicy's extAuth backend in another namespace", "TS3008", .warning,
               at: "/spec/extAuth/http/backendRefs/0/namespace", "SecurityPolicy \"frontend/auth\" references Service \"billing/billing\"",
               yaml: grant(from: "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}", to: "{group: \"\", kind: Service}")
                   + securityPolicyWithExtAuth),
        .fails("a Gateway certificate in another namespace", "TS3008", .warning,
               at: "/spec/listeners/0/tls/certificateRefs/0/namespace", "Gateway \"frontend/eg\" references Secret \"certs/wildcard\"",
               yaml: gateway("{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: wildcard, namespace: certs}]}}")),
        .passes("a grant for the route kind and namespace", "TS3008",
                yaml: service + grant(from: "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}", to: "{group: \"\", kind: Service}")
                    + route("{name: billing, namespace: billing, port: 9000}")),
        .passes("a grant naming the Service", "TS3008",
                yaml: grant(from: "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}", to: "{group: \"\", kind: Service, name: billing}")
                    + route("{name: billing, namespace: billing, port: 9000}")),
        .passes("a grant for a SecurityPolicy", "TS3008",
                yaml: grant(from: "{group: gateway.envoyproxy.io, kind: SecurityPolicy, namespace: frontend}", to: "{group: \"\", kind: Service}")
                    + securityPolicyWithExtAuth),
        .passes("a namespace that is the route's own", "TS3008", yaml: route("{name: portal, namespace: frontend, port: 8080}")),
    ]

    static let tlsCases: [AnalyzerCase] = [
        .fails("an HTTPS listener without tls", "TS3012", .error, at: "/spec/listeners/0",
               "HTTPS listener \"https\" of Gateway \"frontend/eg\" terminates TLS but has no tls.certificateRefs",
               yaml: gateway("{name: https, protocol: HTTPS, port: 443}")),
        .fails("an HTTPS listener with options only", "TS3012", .error, at: "/spec/listeners/0/tls",
               "has no tls.certificateRefs",
               yaml: gateway("{name: https, protocol: HTTPS, port: 443, tls: {mode: Terminate, options: {example.com/x: y}}}")),
        .passes("an HTTPS listener with a certificate", "TS3012",
                yaml: gateway("{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: cert}]}}")),
        .passes("a TLS passthrough listener", "TS3012",
                yaml: gateway("{name: tls, protocol: TLS, port: 443, tls: {mode: Passthrough}}")),
    ]

    @Test(arguments: backendCases)
    func backends(_ testCase: AnalyzerCase) { testCase.check(BackendReferenceAnalyzer()) }

    @Test(arguments: grantCases)
    func grants(_ testCase: AnalyzerCase) { testCase.check(ReferenceGrantAnalyzer()) }

    @Test(arguments: tlsCases)
    func listenerCertificates(_ testCase: AnalyzerCase) { testCase.check(ListenerTLSAnalyzer()) }

    @Test func everyCodeHasAFailingAndAPassingCase() {
        AnalyzerCase.checkCoverage(Self.backendCases, of: BackendReferenceAnalyzer())
        AnalyzerCase.checkCoverage(Self.grantCases, of: ReferenceGrantAnalyzer())
        AnalyzerCase.checkCoverage(Self.tlsCases, of: ListenerTLSAnalyzer())
    }
}
