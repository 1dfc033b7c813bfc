/// The autoscaler: a KEDA ScaledObject (Prometheus and/or CPU triggers) or an autoscaling/v2
/// HorizontalPodAutoscaler on CPU. KEDA trigger metadata is map<string,string>, so every
/// number is rendered as a string (`threshold: "50"`).
struct AutoscalerBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    func build() -> Manifest? {
        guard let scaling = spec.autoscaling else { return nil }
        return scaling.engine == "hpa" ? hpa(scaling) : scaledObject(scaling)
    }

    private func target(_ scaling: AutoscalingSpec) -> JSONValue {
        object(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", .string(scaling.deployment)))
    }

    private func minimum(_ scaling: AutoscalingSpec) -> Int {
        scaling.replicas.min ?? (scaling.scaleToZero == true ? 0 : 1)
    }

    private func scaledObject(_ scaling: AutoscalingSpec) -> Manifest {
        var triggers: [JSONValue] = []
        if let prometheus = scaling.prometheus {
            triggers.append(object(
                ("type", "prometheus"),
                ("metadata", object(
                    ("serverAddress", .string(prometheus.serverAddress)),
                    ("query", .string(prometheus.query)),
                    ("threshold", .string(JSONValue.format(prometheus.threshold))),
                    ("activationThreshold", prometheus.activationThreshold.json { .string(JSONValue.format($0)) })
                ))
            ))
        }
        if let cpu = scaling.cpu {
            triggers.append(object(
                ("type", "cpu"),
                ("metricType", "Utilization"),
                ("metadata", object(("value", .string(String(cpu.utilization)))))
            ))
        }
        let body = object(
            ("scaleTargetRef", target(scaling)),
            ("pollingInterval", scaling.pollingInterval.json(JSONValue.int)),
            ("cooldownPeriod", scaling.cooldownPeriod.json(JSONValue.int)),
            ("minReplicaCount", .int(minimum(scaling))),
            ("maxReplicaCount", .int(scaling.replicas.max)),
            ("triggers", .array(triggers))
        )
        // Scale to zero is a deliberate choice in the spec (scaleToZero: true); the annotation
        // records that intent so validators do not flag the cold start as a mistake (TS6004).
        let intent = minimum(scaling) == 0 ? [("trafficspec.io/scale-to-zero", "true")] : []
        return metadata.namespaced(
            apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", name: names.autoscaler, spec: body, extraAnnotations: intent)
    }

    private func hpa(_ scaling: AutoscalingSpec) -> Manifest {
        let utilization = scaling.cpu?.utilization ?? 80
        let body = object(
            ("scaleTargetRef", target(scaling)),
            ("minReplicas", .int(max(1, minimum(scaling)))),
            ("maxReplicas", .int(scaling.replicas.max)),
            ("metrics", [object(
                ("type", "Resource"),
                ("resource", object(
                    ("name", "cpu"),
                    ("target", object(("type", "Utilization"), ("averageUtilization", .int(utilization))))
                ))
            )])
        )
        return metadata.namespaced(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", name: names.autoscaler, spec: body)
    }
}
