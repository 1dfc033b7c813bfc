/// KEDA ScaledObjects and HorizontalPodAutoscalers: replica bounds (TS6003), scale to zero
/// without saying so (TS6004), two autoscalers on one workload (TS6005), incomplete
/// prometheus triggers (TS6006) and the metricName KEDA ignores (TS6007).
public struct AutoscalingAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] {
        [.replicaBoundsInverted, .scaleToZeroColdStart, .competingAutoscalers, .prometheusTriggerIncomplete, .ignoredMetricName]
    }

    /// The annotation that confirms a ScaledObject may idle at zero replicas.
    static let scaleToZeroAnnotation = "trafficspec.io/scale-to-zero"

    /// The workload an autoscaler scales: namespace, kind, name.
    private struct Workload: Hashable {
        let namespace: String
        let kind: String
        let name: String
    }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        var scaledWorkloads: [Workload: ManifestObject] = [:]
        for scaledObject in bundle.objects(group: APIGroup.keda, kind: "ScaledObject") {
            guard let spec = scaledObject.node["spec"] else { continue }
            checkReplicas(scaledObject, spec, into: &findings)
            checkTriggers(scaledObject, spec, into: &findings)
            if let target = spec["scaleTargetRef"], let name = target["name"]?.string {
                let workload = Workload(namespace: scaledObject.namespace, kind: target.nonEmptyString("kind") ?? "Deployment", name: name)
                if scaledWorkloads[workload] == nil { scaledWorkloads[workload] = scaledObject }
            }
        }
        for scaledJob in bundle.objects(group: APIGroup.keda, kind: "ScaledJob") {
            if let spec = scaledJob.node["spec"] { checkTriggers(scaledJob, spec, into: &findings) }
        }
        for hpa in bundle.objects(group: "autoscaling", kind: "HorizontalPodAutoscaler") {
            guard let spec = hpa.node["spec"] else { continue }
            let minimum = spec["minReplicas"]?.integer ?? 1
            if let maximum = spec["maxReplicas"]?.integer, minimum > maximum {
                findings.append(hpa.finding(
                    .replicaBoundsInverted, at: ["spec", spec.has("minReplicas") ? "minReplicas" : "maxReplicas"],
                    message: "minReplicas (\(minimum)\(spec.has("minReplicas") ? "" : ", the default")) is greater than maxReplicas (\(maximum))"))
            }
            guard let target = spec["scaleTargetRef"], let kind = target["kind"]?.string, let name = target["name"]?.string,
                let scaledObject = scaledWorkloads[Workload(namespace: hpa.namespace, kind: kind, name: name)],
                !isGenerated(hpa, by: scaledObject)
            else { continue }
            findings.append(hpa.finding(
                .competingAutoscalers, at: ["spec", "scaleTargetRef"],
                message: "HorizontalPodAutoscaler \"\(hpa.qualifiedName)\" and ScaledObject \"\(scaledObject.qualifiedName)\" both scale \(kind) \"\(name)\" and overwrite each other's replica count",
                hint: "Remove the HorizontalPodAutoscaler (KEDA creates its own for the ScaledObject), or the ScaledObject."))
        }
    }

    /// KEDA names the HPA it creates `keda-hpa-<name>`, or as advanced.horizontalPodAutoscalerConfig.name says.
    private func isGenerated(_ hpa: ManifestObject, by scaledObject: ManifestObject) -> Bool {
        let custom = scaledObject.node["spec"]?["advanced"]?["horizontalPodAutoscalerConfig"]?.nonEmptyString("name")
        return hpa.name == (custom ?? "keda-hpa-\(scaledObject.name ?? "")")
    }

    private func checkReplicas(_ scaledObject: ManifestObject, _ spec: SourceNode, into findings: inout [Finding]) {
        // KEDA's defaults: 0 and 100.
        let minimum = spec["minReplicaCount"]?.integer ?? 0
        let maximum = spec["maxReplicaCount"]?.integer ?? 100
        if minimum > maximum {
            findings.append(scaledObject.finding(
                .replicaBoundsInverted, at: ["spec", "minReplicaCount"],
                message: "minReplicaCount (\(minimum)) is greater than maxReplicaCount (\(maximum)\(spec.has("maxReplicaCount") ? "" : ", KEDA's default"))"))
        }
        guard minimum == 0, !spec.has("idleReplicaCount"),
            scaledObject.annotation(Self.scaleToZeroAnnotation) != "true"
        else { return }
        let written = spec.has("minReplicaCount") ? "minReplicaCount is 0" : "minReplicaCount is not set, and KEDA's default is 0"
        findings.append(scaledObject.finding(
            .scaleToZeroColdStart, at: spec.has("minReplicaCount") ? ["spec", "minReplicaCount"] : ["spec"],
            message: "\(written): ScaledObject \"\(scaledObject.qualifiedName)\" scales its workload to zero when idle, and the first request afterwards waits for a pod to start"))
    }

    private func checkTriggers(_ scaler: ManifestObject, _ spec: SourceNode, into findings: inout [Finding]) {
        for (index, trigger) in spec.list("triggers").enumerated() {
            let path: [PathToken] = ["spec", "triggers", .index(index)]
            let metadata = trigger["metadata"]
            if trigger["type"]?.string == "prometheus" {
                let missing = ["serverAddress", "query", "threshold"].filter { (metadata?.nonEmptyString($0)) == nil }
                if !missing.isEmpty {
                    let note = missing.contains("threshold") && metadata?.has("activationThreshold") == true
                        ? " (activationThreshold only decides when to scale from zero; threshold is still required)" : ""
                    findings.append(scaler.finding(
                        .prometheusTriggerIncomplete, at: metadata == nil ? path : path + ["metadata"],
                        message: "prometheus trigger \(index) has no \(missing.joined(separator: ", ")) in its metadata\(note); KEDA cannot build the scaler",
                        hint: "Add \(missing.map { "metadata.\($0)" }.joined(separator: " and ")) (as strings, e.g. threshold: \"50\")."))
                }
            }
            if metadata?.has("metricName") == true {
                findings.append(scaler.finding(
                    .ignoredMetricName, at: path + ["metadata", "metricName"],
                    message: "trigger \(index) sets metadata.metricName, which KEDA ignores since 2.12 (the metric is named after the trigger)"))
            }
        }
    }
}
