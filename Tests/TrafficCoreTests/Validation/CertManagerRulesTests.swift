import Foundation
import Testing
import TrafficCore

/// cert-manager's one CEL rule (Issuer `venafi`) and the schema of Certificate and Issuer.
@Suite struct CertManagerRulesTests {
    typealias Case = RuleCase

    static func issuer(_ spec: String) -> String {
        """
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata: {name: issuer, namespace: web}
        spec:
        \(spec)
        """
    }

    static func certificate(_ extra: String) -> String {
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: web-tls, namespace: web}
        spec:
          secretName: web-tls
          dnsNames: [www.example.com]
          issuerRef: {name: letsencrypt, kind: ClusterIssuer}
        \(extra)
        """
    }

    static let cases: [Case] = [
        Case(
            testDescription: "Issuer.venafiExactlyOne: tpp and cloud",
            yaml: issuer(
                """
                  venafi:
                    zone: devops
                    tpp: {url: "https://tpp.example.com/vedsdk", credentialsRef: {name: tpp}}
                    cloud: {apiTokenSecretRef: {name: vaas, key: token}}
                """),
            expected: ("TS2001", "exactly one of tpp, cloud, or ngts must be configured", "/spec/venafi")),
        Case(
            testDescription: "Issuer.venafiExactlyOne: no connection",
            yaml: issuer("  venafi: {zone: devops}"),
            expected: ("TS2001", "exactly one of tpp, cloud, or ngts must be configured", "/spec/venafi")),
        Case(
            testDescription: "Issuer.venafiExactlyOne: cloud only",
            yaml: issuer("  venafi: {zone: devops, cloud: {apiTokenSecretRef: {name: vaas, key: token}}}"),
            expected: nil),
        Case(
            testDescription: "Issuer: ACME with HTTP-01 through a Gateway and a pod template",
            yaml: issuer(
                """
                  acme:
                    server: https://acme-v02.api.letsencrypt.org/directory
                    email: ops@example.com
                    privateKeySecretRef: {name: letsencrypt-account}
                    solvers:
                    - http01:
                        gatewayHTTPRoute:
                          parentRefs: [{name: eg, namespace: envoy-gateway-system, kind: Gateway}]
                          podTemplate:
                            spec:
                              nodeSelector: {kubernetes.io/os: linux}
                              tolerations: [{key: dedicated, operator: Equal, value: edge, effect: NoSchedule}]
                              resources: {requests: {cpu: 10m, memory: 64Mi}}
                      selector: {dnsZones: [example.com]}
                """),
            expected: nil),
        Case(
            testDescription: "Issuer: an unknown field in the solver pod template",
            yaml: issuer(
                """
                  acme:
                    server: https://acme-v02.api.letsencrypt.org/directory
                    privateKeySecretRef: {name: letsencrypt-account}
                    solvers:
                    - http01:
                        ingress:
                          podTemplate: {spec: {containers: []}}
                """),
            expected: ("TS1001", "containers", "/spec/acme/solvers/0/http01/ingress/podTemplate/spec/containers")),
        Case(
            testDescription: "Issuer.venafiExactlyOne: on a ClusterIssuer",
            yaml: issuer("  venafi: {zone: devops}")
                .replacingOccurrences(of: "kind: Issuer", with: "kind: ClusterIssuer")
                .replacingOccurrences(of: ", namespace: web", with: ""),
            expected: ("TS2001", "exactly one of tpp, cloud, or ngts must be configured", "/spec/venafi")),
        Case(
            testDescription: "ClusterIssuer: Let's Encrypt with DNS-01 on Cloudflare",
            yaml: """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: letsencrypt}
                spec:
                  acme:
                    server: https://acme-v02.api.letsencrypt.org/directory
                    privateKeySecretRef: {name: letsencrypt-account}
                    solvers:
                    - dns01:
                        cloudflare: {apiTokenSecretRef: {name: cloudflare, key: token}}
                """,
            expected: nil),
        Case(
            testDescription: "Certificate: key usages with spaces",
            yaml: certificate("  usages: [digital signature, key encipherment, server auth]\n  privateKey: {algorithm: ECDSA, size: 256}"),
            expected: nil),
        Case(
            testDescription: "Certificate: an unknown key usage",
            yaml: certificate("  usages: [tls server]"),
            expected: ("TS1004", "tls server", "/spec/usages/0")),
        Case(
            testDescription: "Certificate: issuerRef needs a name",
            yaml: """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web-tls, namespace: web}
                spec:
                  secretName: web-tls
                  issuerRef: {kind: ClusterIssuer}
                """,
            expected: ("TS1003", "name", "/spec/issuerRef")),
    ]

    @Test(arguments: cases)
    func rule(_ testCase: Case) {
        testCase.check()
    }
}
