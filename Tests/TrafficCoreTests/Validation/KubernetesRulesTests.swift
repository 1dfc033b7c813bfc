import Foundation
import Testing
import TrafficCore

/// The API server's Go checks on built-in kinds that `KubernetesRules` repeats, and the core
/// schemas, with one failing and one passing manifest each.
@Suite struct KubernetesRulesTests {
    typealias Case = RuleCase

    static func service(_ spec: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: apps}
        spec:
        \(spec)
        """
    }

    /// A Deployment of `app: web`; `spec` lines are added under `spec`, `pod` lines under the
    /// pod template's `spec` (after its one container), `container` lines under that container.
    static func deployment(spec: String = "", pod: String = "", container: String = "", labels: String = "{app: web}") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: apps}
        spec:
          selector: {matchLabels: {app: web}}
        \(spec)
          template:
            metadata: {labels: \(labels)}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        \(container)
        \(pod)
        """
    }

    static func autoscaler(_ version: String, _ spec: String) -> String {
        """
        apiVersion: autoscaling/\(version)
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: apps}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        \(spec)
        """
    }

    static let serviceCases: [Case] = [
        Case(
            testDescription: "Service.ports: several ports, one unnamed",
            yaml: service("  selector: {app: web}\n  ports: [{port: 80}, {name: https, port: 443}]"),
            expected: ("TS1003", "must be named", "/spec/ports/0/name")),
        Case(
            testDescription: "Service.ports: a repeated name",
            yaml: service("  ports: [{name: web, port: 80}, {name: web, port: 8080}]"),
            expected: ("TS1009", "\"web\"", "/spec/ports/1/name")),
        Case(
            testDescription: "Service.ports: a repeated port and protocol",
            yaml: service("  ports: [{name: a, port: 80}, {name: b, port: 80, protocol: TCP}]"),
            expected: ("TS1009", "80/TCP", "/spec/ports/1")),
        Case(
            testDescription: "Service.ports: no ports on a ClusterIP Service",
            yaml: service("  selector: {app: web}"),
            expected: ("TS1003", "at least one port", "/spec/ports")),
        Case(
            testDescription: "Service.ports: nodePort on a ClusterIP Service",
            yaml: service("  ports: [{port: 80, nodePort: 30080}]"),
            expected: ("TS2001", "may not be used when `type` is 'ClusterIP'", "/spec/ports/0/nodePort")),
        Case(
            testDescription: "Service.ports: DNS over TCP and UDP on one port, and a headless Service",
            yaml: service("  ports: [{name: dns-tcp, port: 53, protocol: TCP, targetPort: dns}, {name: dns, port: 53, protocol: UDP}]")
                + "\n---\n" + service("  clusterIP: None\n  selector: {app: web}").replacingOccurrences(of: "name: web,", with: "name: web-headless,"),
            expected: nil),
        Case(
            testDescription: "Service.typeFields: ExternalName without externalName",
            yaml: service("  type: ExternalName"),
            expected: ("TS1003", "externalName", "/spec/externalName")),
        Case(
            testDescription: "Service.typeFields: ExternalName with externalName",
            yaml: service("  type: ExternalName\n  externalName: api.example.com"),
            expected: nil),
        Case(
            testDescription: "schema: Service port names are DNS labels",
            yaml: service("  ports: [{name: HTTP, port: 80}]"),
            expected: ("TS1006", "HTTP", "/spec/ports/0/name")),
        Case(
            testDescription: "schema: Service type is an enum",
            yaml: service("  type: Internal\n  ports: [{port: 80}]"),
            expected: ("TS1004", "Internal", "/spec/type")),
    ]

    static let deploymentCases: [Case] = [
        Case(
            testDescription: "Deployment.selector: template labels do not match",
            yaml: deployment(labels: "{app: api}"),
            expected: ("TS2001", "`selector` does not match template `labels`", "/spec/template/metadata/labels")),
        Case(
            testDescription: "Deployment.selector: matchExpressions that match",
            yaml: deployment(
                spec: "  replicas: 3", labels: "{app: web, tier: front}"
            ).replacingOccurrences(
                of: "selector: {matchLabels: {app: web}}",
                with: "selector: {matchExpressions: [{key: tier, operator: In, values: [front, edge]}, {key: canary, operator: DoesNotExist}]}"),
            expected: nil),
        Case(
            testDescription: "Deployment.selector: an empty selector",
            yaml: deployment().replacingOccurrences(of: "selector: {matchLabels: {app: web}}", with: "selector: {}"),
            expected: ("TS2001", "empty selector is invalid for deployment", "/spec/selector")),
        Case(
            testDescription: "Deployment.progressDeadline: not above minReadySeconds",
            yaml: deployment(spec: "  minReadySeconds: 30\n  progressDeadlineSeconds: 30"),
            expected: ("TS2001", "must be greater than minReadySeconds", "/spec/progressDeadlineSeconds")),
        Case(
            testDescription: "Deployment.restartPolicy: Never",
            yaml: deployment(pod: "      restartPolicy: Never"),
            expected: ("TS1004", "Never", "/spec/template/spec/restartPolicy")),
        Case(
            testDescription: "Deployment.strategy: rollingUpdate with Recreate",
            yaml: deployment(spec: "  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}"),
            expected: ("TS2001", "may not be specified when strategy `type` is 'Recreate'", "/spec/strategy/rollingUpdate")),
        Case(
            testDescription: "Deployment.strategy: maxUnavailable and maxSurge both zero",
            yaml: deployment(spec: "  strategy: {rollingUpdate: {maxSurge: 0%, maxUnavailable: 0}}"),
            expected: ("TS2001", "may not be 0 when `maxSurge` is 0", "/spec/strategy/rollingUpdate/maxUnavailable")),
        Case(
            testDescription: "Deployment.strategy: maxUnavailable above 100%",
            yaml: deployment(spec: "  strategy: {rollingUpdate: {maxUnavailable: 150%}}"),
            expected: ("TS2001", "must not be greater than 100%", "/spec/strategy/rollingUpdate/maxUnavailable")),
        Case(
            testDescription: "Deployment.strategy: surge one, none unavailable",
            yaml: deployment(spec: "  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}"),
            expected: nil),
        Case(
            testDescription: "Kubernetes.podSpec: a repeated container name",
            yaml: deployment(pod: "      initContainers: [{name: web, image: busybox}]"),
            expected: ("TS1009", "\"web\"", "/spec/template/spec/initContainers/0/name")),
        Case(
            testDescription: "Kubernetes.podSpec: a mount of an undeclared volume",
            yaml: deployment(container: "        volumeMounts: [{name: config, mountPath: /etc/web}]"),
            expected: ("TS2001", "Not found: \"config\"", "/spec/template/spec/containers/0/volumeMounts/0/name")),
        Case(
            testDescription: "Kubernetes.podSpec: a volume with two sources",
            yaml: deployment(pod: "      volumes: [{name: config, configMap: {name: web}, emptyDir: {}}]"),
            expected: ("TS2001", "may not specify more than 1 volume type", "/spec/template/spec/volumes/0")),
        Case(
            testDescription: "Kubernetes.podSpec: a volume without a source",
            yaml: deployment(pod: "      volumes: [{name: config}]"),
            expected: ("TS1003", "must specify a volume type", "/spec/template/spec/volumes/0")),
        Case(
            testDescription: "Kubernetes.podSpec: a complete pod",
            yaml: deployment(
                spec: "  replicas: 2\n  revisionHistoryLimit: 5",
                pod: """
                      serviceAccountName: web
                      securityContext: {runAsNonRoot: true, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}}
                      nodeSelector: {kubernetes.io/os: linux}
                      tolerations: [{key: dedicated, operator: Exists, effect: NoSchedule}]
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 100
                            podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
                      topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}]
                      volumes:
                      - {name: config, configMap: {name: web, items: [{key: nginx.conf, path: nginx.conf}]}}
                      - {name: cache, emptyDir: {sizeLimit: 1Gi}}
                      - {name: token, projected: {sources: [{serviceAccountToken: {path: token, expirationSeconds: 3600}}]}}
                """,
                container: """
                        imagePullPolicy: IfNotPresent
                        args: ["--port=8080"]
                        ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090, protocol: TCP}]
                        env:
                        - {name: MODE, value: production}
                        - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                        - {name: TOKEN, valueFrom: {secretKeyRef: {name: web, key: token, optional: true}}}
                        envFrom: [{configMapRef: {name: web-env}}, {prefix: DB_, secretRef: {name: db}}]
                        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 0.5, memory: 256Mi}}
                        readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}
                        livenessProbe: {tcpSocket: {port: 8080}, initialDelaySeconds: 10}
                        startupProbe: {exec: {command: [cat, /tmp/ready]}, failureThreshold: 30}
                        lifecycle: {preStop: {sleep: {seconds: 5}}}
                        securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                        volumeMounts: [{name: config, mountPath: /etc/nginx, readOnly: true}, {name: cache, mountPath: /var/cache}]
                """),
            expected: nil),
        Case(
            testDescription: "Kubernetes.quantity: not a quantity",
            yaml: deployment(container: "        resources: {limits: {cpu: 1.5 cores}}"),
            expected: ("TS2001", "quantities must match", "/spec/template/spec/containers/0/resources/limits/cpu")),
        Case(
            testDescription: "schema: a container needs a name",
            yaml: deployment(pod: "      initContainers: [{image: busybox}]"),
            expected: ("TS1003", "name", "/spec/template/spec/initContainers/0")),
        Case(
            testDescription: "schema: an unknown container field",
            yaml: deployment(container: "        imagePullSecrets: [{name: registry}]"),
            expected: ("TS1001", "imagePullSecrets", "/spec/template/spec/containers/0/imagePullSecrets")),
    ]

    static let autoscalerCases: [Case] = [
        Case(
            testDescription: "HorizontalPodAutoscaler.replicaBounds: max below min (v2)",
            yaml: autoscaler("v2", "  minReplicas: 4\n  maxReplicas: 2"),
            expected: ("TS2001", "must be greater than or equal to `minReplicas`", "/spec/maxReplicas")),
        Case(
            testDescription: "HorizontalPodAutoscaler.replicaBounds: max below min (v1)",
            yaml: autoscaler("v1", "  minReplicas: 4\n  maxReplicas: 2\n  targetCPUUtilizationPercentage: 70"),
            expected: ("TS2001", "must be greater than or equal to `minReplicas`", "/spec/maxReplicas")),
        Case(
            testDescription: "HorizontalPodAutoscaler.metricSource: type Resource with a pods source",
            yaml: autoscaler("v2", "  maxReplicas: 5\n  metrics: [{type: Resource, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: 10}}}]"),
            expected: ("TS1003", "must populate information for the given metric source", "/spec/metrics/0/resource")),
        Case(
            testDescription: "HorizontalPodAutoscaler.metricSource: CPU utilisation and a scale-down policy",
            yaml: autoscaler(
                "v2",
                """
                  minReplicas: 2
                  maxReplicas: 10
                  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
                  behavior: {scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 50, periodSeconds: 60}]}}
                """),
            expected: nil),
    ]

    static let dataCases: [Case] = [
        Case(
            testDescription: "Kubernetes.configKeys: a ConfigMap key with a space",
            yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {\"nginx conf\": x}",
            expected: ("TS2001", "a valid config key", "/data/nginx conf")),
        Case(
            testDescription: "Kubernetes.configKeys: Secret keys with dots, and a ServiceAccount and Namespace",
            yaml: """
                apiVersion: v1
                kind: Secret
                metadata: {name: web-tls, namespace: apps}
                type: kubernetes.io/tls
                data: {tls.crt: dGxzCg==, tls.key: a2V5Cg==}
                stringData: {.env: "A=1"}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web, namespace: apps}
                automountServiceAccountToken: false
                imagePullSecrets: [{name: registry}]
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: apps, labels: {team: web}}
                """,
            expected: nil),
        Case(
            testDescription: "schema: Secret data is base64",
            yaml: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: \"hunter2!\"}",
            expected: ("TS1010", "base64", "/data/password")),
    ]

    static let cases = serviceCases + deploymentCases + autoscalerCases + dataCases

    @Test(arguments: cases)
    func rule(_ testCase: Case) {
        testCase.check()
    }
}
