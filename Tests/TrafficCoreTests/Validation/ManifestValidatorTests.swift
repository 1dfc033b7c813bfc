import Testing
import TrafficCore

/// How the validator combines schema findings with analyzer findings.
@Suite struct ManifestValidatorTests {
    static let policy = """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: SecurityPolicy
        metadata: {name: auth}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]
          jwt:
            providers:
              - name: idp
                issuer: https://idp.example.com

        """

    @Test func oneProblemGetsOneFindingWithTheSpecificCode() {
        let report = ManifestValidator().validate(bytes: Array(Self.policy.utf8), source: "p.yaml")
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["TS7001"], "\(errors.map(\.line))")
        #expect(errors.first?.path == "/spec/jwt/providers/0")
    }

    @Test func withoutTheAnalyzerTheCRDRuleStillReports() {
        let report = ManifestValidator(analyzers: []).validate(bytes: Array(Self.policy.utf8), source: "p.yaml")
        let rule = report.findings.first { $0.code == "TS2001" }
        #expect(rule?.message == "either remoteJWKS or localJWKS must be specified.")
    }
}
