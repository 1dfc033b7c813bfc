import Testing
import TrafficCore

/// KEDA's CEL rule and the schema facts manifests most often get wrong, one failing and one
/// passing manifest each.
@Suite struct KEDARulesTests {
    typealias Case = RuleCase

    static func scaledObject(_ spec: String) -> String {
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: web, namespace: apps}
        spec:
          scaleTargetRef: {name: web}
        \(spec)
        """
    }

    static let cpuTrigger = """
          triggers:
          - type: cpu
            metricType: Utilization
            metadata: {value: "60"}
        """

    static let cases: [Case] = [
        Case(
            testDescription: "ScaledObject.replicaBounds: min above max",
            yaml: scaledObject("  minReplicaCount: 5\n  maxReplicaCount: 3\n" + cpuTrigger),
            expected: ("TS2001", "minReplicaCount must be less than or equal to maxReplicaCount", "/spec")),
        Case(
            testDescription: "ScaledObject.replicaBounds: min above the default max of 100",
            yaml: scaledObject("  minReplicaCount: 101\n" + cpuTrigger),
            expected: ("TS2001", "minReplicaCount must be less than or equal to maxReplicaCount", "/spec")),
        Case(
            testDescription: "ScaledObject.replicaBounds: min below max",
            yaml: scaledObject("  minReplicaCount: 1\n  maxReplicaCount: 10\n" + cpuTrigger), expected: nil),
        Case(
            testDescription: "ScaledObject.replicaBounds: min below the default max",
            yaml: scaledObject("  minReplicaCount: 100\n" + cpuTrigger), expected: nil),
        Case(
            testDescription: "schema: trigger metadata values are strings",
            yaml: scaledObject(
                """
                  triggers:
                  - type: prometheus
                    metadata: {serverAddress: "http://prometheus:9090", query: "sum(rate(x[1m]))", threshold: 50}
                """),
            expected: ("TS1002", "expected a string", "/spec/triggers/0/metadata/threshold")),
        Case(
            testDescription: "schema: at least one trigger",
            yaml: scaledObject("  triggers: []"),
            expected: ("TS1008", "", "/spec/triggers")),
        Case(
            testDescription: "TriggerAuthentication: secret target refs and pod identity",
            yaml: """
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: prom-auth, namespace: apps}
                spec:
                  secretTargetRef:
                  - {parameter: bearerToken, name: prom-secret, key: token}
                  podIdentity: {provider: aws, roleArn: "arn:aws:iam::1:role/keda"}
                """,
            expected: nil),
        Case(
            testDescription: "ClusterTriggerAuthentication: HashiCorp Vault",
            yaml: """
                apiVersion: keda.sh/v1alpha1
                kind: ClusterTriggerAuthentication
                metadata: {name: vault}
                spec:
                  hashiCorpVault:
                    address: https://vault.example.com
                    authentication: kubernetes
                    role: keda
                    mount: kubernetes
                    secrets: [{parameter: password, key: password, path: secret/data/db}]
                """,
            expected: nil),
        Case(
            testDescription: "TriggerAuthentication: unknown pod identity provider",
            yaml: """
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: prom-auth, namespace: apps}
                spec:
                  podIdentity: {provider: azure}
                """,
            expected: ("TS1004", "azure", "/spec/podIdentity/provider")),
    ]

    @Test(arguments: cases)
    func rule(_ testCase: Case) {
        testCase.check()
    }
}
