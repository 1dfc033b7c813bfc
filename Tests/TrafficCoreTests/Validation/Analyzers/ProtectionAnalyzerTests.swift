import Foundation
import Testing
import TrafficCore

/// Circuit breakers (TS6001, TS6002), autoscalers (TS6003–TS6007) and SecurityPolicies (TS7001, TS7002).
@Suite struct ProtectionAnalyzerTests {
    static func breaker(_ fields: String) -> String {
        """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: BackendTrafficPolicy
        metadata: {name: protect, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]
          circuitBreaker: {\(fields)}
        """
    }

    static func scaledObject(_ fields: String, annotations: String = "", name: String = "web",
                             triggers: String = "[{type: cpu, metricType: Utilization, metadata: {value: \"60\"}}]") -> String {
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: \(name), namespace: apps\(annotations.isEmpty ? "" : ", annotations: {\(annotations)}")}
        spec:
          scaleTargetRef: {name: web}
        \(fields.isEmpty ? "" : "  \(fields)\n")  triggers: \(triggers)
        ---

        """
    }

    static func hpa(name: String = "web", min: Int? = nil, max: Int = 5) -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: \(name), namespace: apps}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        \(min.map { "  minReplicas: \($0)\n" } ?? "")  maxReplicas: \(max)
        ---

        """
    }

    static let breakerCases: [AnalyzerCase] = [
        .fails("a threshold at Envoy's default", "TS6001", .warning, at: "/spec/circuitBreaker/maxConnections",
               "circuitBreaker.maxConnections is 1024, which equals Envoy's default of 1024", yaml: breaker("maxConnections: 1024")),
        .passes("thresholds below the default", "TS6001",
                yaml: breaker("maxConnections: 256, maxPendingRequests: 64, maxParallelRequests: 128, maxParallelRetries: 8")),

        .fails("more parallel retries than parallel requests", "TS6002", .warning, at: "/spec/circuitBreaker/maxParallelRetries",
               "circuitBreaker.maxParallelRetries (64) is greater than maxParallelRequests (32)",
               yaml: breaker("maxParallelRequests: 32, maxParallelRetries: 64")),
        .fails("no pending requests at all", "TS6002", .warning, at: "/spec/circuitBreaker/maxPendingRequests",
               "circuitBreaker.maxPendingRequests is 0", yaml: breaker("maxPendingRequests: 0")),
        .passes("retries within requests", "TS6002", yaml: breaker("maxParallelRequests: 64, maxParallelRetries: 8")),
    ]

    static let scalingCases: [AnalyzerCase] = [
        .fails("ScaledObject minimum above maximum", "TS6003", .error, at: "/spec/minReplicaCount",
               "minReplicaCount (5) is greater than maxReplicaCount (3)", yaml: scaledObject("minReplicaCount: 5\n  maxReplicaCount: 3")),
        .fails("HPA minimum above maximum", "TS6003", .error, at: "/spec/minReplicas",
               "minReplicas (4) is greater than maxReplicas (2)", yaml: hpa(min: 4, max: 2)),
        .passes("ScaledObject minimum below KEDA's default maximum", "TS6003", yaml: scaledObject("minReplicaCount: 50")),

        .fails("minReplicaCount 0 without the annotation", "TS6004", .warning, at: "/spec/minReplicaCount",
               "minReplicaCount is 0: ScaledObject \"apps/web\" scales its workload to zero when idle",
               yaml: scaledObject("minReplicaCount: 0\n  maxReplicaCount: 3")),
        .fails("no minReplicaCount: KEDA's default is 0", "TS6004", .warning, at: "/spec",
               "minReplicaCount is not set, and KEDA's default is 0", yaml: scaledObject("maxReplicaCount: 3")),
        .passes("scale to zero confirmed by the annotation", "TS6004",
                yaml: scaledObject("minReplicaCount: 0", annotations: "trafficspec.io/scale-to-zero: \"true\"")),
        .passes("an idle replica count states the intent", "TS6004", yaml: scaledObject("idleReplicaCount: 0\n  minReplicaCount: 1")),
        .passes("a floor of one replica", "TS6004", yaml: scaledObject("minReplicaCount: 1")),

        .fails("an HPA and a ScaledObject on one Deployment", "TS6005", .error, at: "/spec/scaleTargetRef",
               "HorizontalPodAutoscaler \"apps/web-cpu\" and ScaledObject \"apps/web\" both scale Deployment \"web\"",
               yaml: scaledObject("minReplicaCount: 1") + hpa(name: "web-cpu")),
        .passes("the HPA KEDA generates for the ScaledObject", "TS6005",
                yaml: scaledObject("minReplicaCount: 1") + hpa(name: "keda-hpa-web")),
        .passes("an HPA on another Deployment", "TS6005",
                yaml: scaledObject("minReplicaCount: 1") + hpa(name: "api").replacingOccurrences(of: "name: web}", with: "name: api}")),

        .fails("a prometheus trigger with activationThreshold only", "TS6006", .error, at: "/spec/triggers/0/metadata",
               "prometheus trigger 0 has no threshold in its metadata (activationThreshold only decides",
               yaml: scaledObject("minReplicaCount: 1", triggers: """
                   [{type: prometheus, metadata: {serverAddress: "http://prometheus:9090", query: "sum(rate(x[1m]))", activationThreshold: "5"}}]
                   """)),
        .passes("a complete prometheus trigger", "TS6006",
                yaml: scaledObject("minReplicaCount: 1", triggers: """
                    [{type: prometheus, metadata: {serverAddress: "http://prometheus:9090", query: "sum(rate(x[1m]))", threshold: "50"}}]
                    """)),

        .fails("metricName in trigger metadata", "TS6007", .warning, at: "/spec/triggers/0/metadata/metricName",
               "trigger 0 sets metadata.metricName, which KEDA ignores since 2.12",
               yaml: scaledObject("minReplicaCount: 1", triggers: """
                   [{type: prometheus, metadata: {serverAddress: "http://prometheus:9090", query: "sum(rate(x[1m]))", threshold: "50", metricName: http_rps}}]
                   """)),
        .passes("a named trigger", "TS6007",
                yaml: scaledObject("minReplicaCount: 1", triggers: "[{type: cpu, name: cpu-load, metricType: Utilization, metadata: {value: \"60\"}}]")),
    ]

    static func securityPolicy(_ spec: String) -> String {
        """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: auth, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]
        \(spec)
        """
    }

    static let securityCases: [AnalyzerCase] = [
        .fails("a JWT provider without keys", "TS7001", .error, at: "/spec/jwt/providers/0",
               "JWT provider \"idp\" has neither remoteJWKS nor localJWKS",
               yaml: securityPolicy("  jwt: {providers: [{name: idp, issuer: https://idp.example.com}]}")),
        .passes("a JWT provider with a remote key set", "TS7001",
                yaml: securityPolicy("  jwt: {providers: [{name: idp, remoteJWKS: {uri: https://idp.example.com/jwks.json}}]}")),

        .fails("every origin with credentials", "TS7002", .error, at: "/spec/cors/allowOrigins/0",
               "cors.allowOrigins contains \"*\" while allowCredentials is true",
               yaml: securityPolicy("  cors: {allowOrigins: [\"*\"], allowCredentials: true}")),
        .passes("every origin without credentials", "TS7002", yaml: securityPolicy("  cors: {allowOrigins: [\"*\"]}")),
        .passes("listed origins with credentials", "TS7002",
                yaml: securityPolicy("  cors: {allowOrigins: [\"https://app.example.com\"], allowCredentials: true}")),
    ]

    @Test(arguments: breakerCases)
    func circuitBreakers(_ testCase: AnalyzerCase) { testCase.check(CircuitBreakerAnalyzer()) }

    @Test(arguments: scalingCases)
    func autoscalers(_ testCase: AnalyzerCase) { testCase.check(AutoscalingAnalyzer()) }

    @Test(arguments: securityCases)
    func securityPolicies(_ testCase: AnalyzerCase) { testCase.check(SecurityPolicyAnalyzer()) }

    @Test func everyCodeHasAFailingAndAPassingCase() {
        AnalyzerCase.checkCoverage(Self.breakerCases, of: CircuitBreakerAnalyzer())
        AnalyzerCase.checkCoverage(Self.scalingCases, of: AutoscalingAnalyzer())
        AnalyzerCase.checkCoverage(Self.securityCases, of: SecurityPolicyAnalyzer())
    }

    /// Every reference, routing, rate-limit, scaling and security code is reported by an analyzer that runs by default.
    @Test func everyAnalyzerCodeRunsByDefault() {
        let reported = Set(ManifestAnalyzers.all.flatMap(\.diagnostics).map(\.code))
        let analyzerCodes = Diagnostic.all.map(\.code).filter { $0 >= "TS3001" && $0 <= "TS7999" }
        #expect(Set(analyzerCodes) == reported)
    }
}
