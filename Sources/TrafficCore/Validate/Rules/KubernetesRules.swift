/// Checks the API server makes on built-in kinds in Go (there is no CRD and no CEL for them),
/// with messages close to the server's `field.Error` texts.
enum KubernetesRules {
    static let rules: [SchemaRule] = serviceRules + workloadRules + autoscalerRules + dataRules

    // MARK: - Service

    private static let serviceRules: [SchemaRule] = [
        SchemaRule("Service.ports") { spec in
            let type = spec["type"]?.string ?? "ClusterIP"
            let ports = spec["ports"]?.items ?? []
            let headless = spec["clusterIP"]?.string == "None"
            if ports.isEmpty {
                guard type != "ExternalName", !headless else { return [] }
                return [RuleViolation(
                    "Required value: a Service needs at least one port unless it is headless (clusterIP: None) or of type ExternalName",
                    at: ["ports"], diagnostic: .requiredField)]
            }
            var violations: [RuleViolation] = []
            var names = Set<String>()
            var portsAndProtocols = Set<String>()
            for (index, port) in ports.enumerated() {
                let name = port["name"]?.string ?? ""
                if name.isEmpty {
                    if ports.count > 1 {
                        violations.append(RuleViolation(
                            "Required value: each port must be named when a Service has more than one port",
                            at: ["ports", .index(index), "name"], diagnostic: .requiredField))
                    }
                } else if !names.insert(name).inserted {
                    violations.append(RuleViolation(
                        "Duplicate value: \"\(name)\": port names must be unique", at: ["ports", .index(index), "name"],
                        diagnostic: .duplicateItem))
                }
                if let number = port["port"]?.integer {
                    let key = "\(number)/\(port["protocol"]?.string ?? "TCP")"
                    if !portsAndProtocols.insert(key).inserted {
                        violations.append(RuleViolation(
                            "Duplicate value: port \(key) is listed twice", at: ["ports", .index(index)], diagnostic: .duplicateItem))
                    }
                }
                if type == "ClusterIP", let nodePort = port["nodePort"]?.integer, nodePort != 0 {
                    violations.append(RuleViolation(
                        "Forbidden: may not be used when `type` is 'ClusterIP'", at: ["ports", .index(index), "nodePort"]))
                }
            }
            return violations
        },
        SchemaRule("Service.typeFields") { spec in
            guard spec["type"]?.string == "ExternalName", (spec["externalName"]?.string ?? "").isEmpty else { return [] }
            return [RuleViolation("Required value: a Service of type ExternalName needs externalName", at: ["externalName"], diagnostic: .requiredField)]
        },
    ]

    // MARK: - Deployment and pod template

    private static let workloadRules: [SchemaRule] = [
        SchemaRule("Deployment.selector") { spec in
            guard let selector = spec["selector"], selector.entries != nil else { return [] }
            let matchLabels = selector["matchLabels"]?.entries ?? []
            let expressions = selector["matchExpressions"]?.items ?? []
            if matchLabels.isEmpty, expressions.isEmpty {
                return [RuleViolation("Invalid value: empty selector is invalid for deployment", at: ["selector"])]
            }
            var labels: [String: String] = [:]
            for entry in spec[path: ["template", "metadata", "labels"]]?.entries ?? [] {
                if let value = entry.value.string { labels[entry.key] = value }
            }
            guard selectorMatches(selector, labels: labels) else {
                return [RuleViolation(
                    "Invalid value: `selector` does not match template `labels`", at: ["template", "metadata", "labels"])]
            }
            return []
        },
        SchemaRule("Deployment.progressDeadline") { spec in
            guard let deadline = spec["progressDeadlineSeconds"]?.integer else { return [] }
            let minReady = spec["minReadySeconds"]?.integer ?? 0
            guard deadline <= minReady else { return [] }
            return [RuleViolation("Invalid value: \(deadline): must be greater than minReadySeconds", at: ["progressDeadlineSeconds"])]
        },
        SchemaRule("Deployment.restartPolicy") { spec in
            guard let policy = spec[path: ["template", "spec", "restartPolicy"]]?.string, policy != "Always" else { return [] }
            return [RuleViolation(
                "unsupported value \"\(policy)\"; supported values: \"Always\" (a Deployment's pods always restart)", at: ["template", "spec", "restartPolicy"],
                diagnostic: .unsupportedValue)]
        },
        SchemaRule("Deployment.strategy") { strategy in
            let type = strategy["type"]?.string ?? "RollingUpdate"
            guard let rollingUpdate = strategy["rollingUpdate"], !rollingUpdate.isNull else { return [] }
            if type == "Recreate" {
                return [RuleViolation("Forbidden: may not be specified when strategy `type` is 'Recreate'", at: ["rollingUpdate"])]
            }
            var violations: [RuleViolation] = []
            let maxUnavailable = rollingUpdate["maxUnavailable"]
            if let percent = maxUnavailable.flatMap(percentage), percent > 100 {
                violations.append(RuleViolation(
                    "Invalid value: must not be greater than 100%", at: ["rollingUpdate", "maxUnavailable"]))
            }
            // Both default to 25%, so only two written zeros stall a rollout.
            if let maxUnavailable, isZero(maxUnavailable), let maxSurge = rollingUpdate["maxSurge"], isZero(maxSurge) {
                violations.append(RuleViolation(
                    "Invalid value: may not be 0 when `maxSurge` is 0", at: ["rollingUpdate", "maxUnavailable"]))
            }
            return violations
        },
        SchemaRule("Kubernetes.podSpec") { pod in
            var violations: [RuleViolation] = []
            var containerNames = Set<String>()
            for field in ["containers", "initContainers", "ephemeralContainers"] {
                for (index, container) in (pod[field]?.items ?? []).enumerated() {
                    guard let name = container["name"]?.string else { continue }
                    if !containerNames.insert(name).inserted {
                        violations.append(RuleViolation(
                            "Duplicate value: \"\(name)\": container names must be unique in a pod", at: [.key(field), .index(index), "name"],
                            diagnostic: .duplicateItem))
                    }
                }
            }
            var volumeNames = Set<String>()
            for (index, volume) in (pod["volumes"]?.items ?? []).enumerated() {
                if let name = volume["name"]?.string, !volumeNames.insert(name).inserted {
                    violations.append(RuleViolation(
                        "Duplicate value: \"\(name)\": volume names must be unique", at: ["volumes", .index(index), "name"],
                        diagnostic: .duplicateItem))
                }
                let sources = (volume.entries ?? []).filter { $0.key != "name" && !$0.value.isNull }
                if sources.isEmpty {
                    violations.append(RuleViolation(
                        "Required value: must specify a volume type", at: ["volumes", .index(index)], diagnostic: .requiredField))
                } else if sources.count > 1 {
                    violations.append(RuleViolation(
                        "Forbidden: may not specify more than 1 volume type (found \(sources.map(\.key).joined(separator: ", ")))",
                        at: ["volumes", .index(index)]))
                }
            }
            for field in ["containers", "initContainers"] {
                for (containerIndex, container) in (pod[field]?.items ?? []).enumerated() {
                    for (mountIndex, mount) in (container["volumeMounts"]?.items ?? []).enumerated() {
                        guard let name = mount["name"]?.string, !volumeNames.contains(name) else { continue }
                        violations.append(RuleViolation(
                            "Not found: \"\(name)\": no volume of the pod has this name",
                            at: [.key(field), .index(containerIndex), "volumeMounts", .index(mountIndex), "name"]))
                    }
                }
            }
            return violations
        },
    ]

    // MARK: - HorizontalPodAutoscaler

    /// MetricSpec `type` values and the field each one needs.
    private static let metricSources: [String: String] = [
        "Object": "object", "Pods": "pods", "Resource": "resource", "ContainerResource": "containerResource", "External": "external",
    ]

    private static let autoscalerRules: [SchemaRule] = [
        SchemaRule("HorizontalPodAutoscaler.replicaBounds") { spec in
            guard let maximum = spec["maxReplicas"]?.integer else { return [] }
            let minimum = spec["minReplicas"]?.integer ?? 1
            guard maximum < minimum else { return [] }
            return [RuleViolation("Invalid value: \(maximum): must be greater than or equal to `minReplicas`", at: ["maxReplicas"])]
        },
        SchemaRule("HorizontalPodAutoscaler.metricSource") { metric in
            guard let type = metric["type"]?.string, let field = metricSources[type] else { return [] }
            var violations: [RuleViolation] = []
            if !metric.has(field) {
                violations.append(RuleViolation(
                    "Required value: must populate information for the given metric source", at: [.key(field)],
                    diagnostic: .requiredField))
            }
            for other in metricSources.values.sorted() where other != field && metric.has(other) {
                violations.append(RuleViolation("Forbidden: must populate the given metric source only", at: [.key(other)]))
            }
            return violations
        },
    ]

    // MARK: - ConfigMap, Secret and quantities

    private static let configKey = SchemaPattern("^[-._a-zA-Z0-9]+$")
    private static let quantity = SchemaPattern("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")

    private static let dataRules: [SchemaRule] = [
        SchemaRule("Kubernetes.configKeys") { data in
            (data.entries ?? []).compactMap { entry in
                guard let problem = configKeyProblem(entry.key) else { return nil }
                return RuleViolation("Invalid value: \"\(entry.key)\": \(problem)", at: [.key(entry.key)])
            }
        },
        SchemaRule("Kubernetes.quantity") { value in
            switch value.value {
            case .integer, .double, .null: return []
            case .string(let text) where quantity.matches(text): return []
            case .string(let text):
                return [RuleViolation(
                    "Invalid value: \"\(text)\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
            default:
                return [RuleViolation("expected a quantity (a string such as \"500m\" or a number), got \(value.typeName)", diagnostic: .wrongType)]
            }
        },
    ]

    /// The key rules of ConfigMap and Secret data (apimachinery `IsConfigMapKey`).
    static func configKeyProblem(_ key: String) -> String? {
        if key.count > 253 { return "must be no more than 253 characters" }
        if !configKey.matches(key) {
            return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
        }
        if key == "." { return "must not be '.'" }
        if key == ".." { return "must not be '..'" }
        if key.hasPrefix("..") { return "must not start with '..'" }
        return nil
    }

    /// Whether a label selector (`matchLabels` and `matchExpressions`) selects `labels`.
    static func selectorMatches(_ selector: SourceNode, labels: [String: String]) -> Bool {
        for entry in selector["matchLabels"]?.entries ?? [] where labels[entry.key] != entry.value.string {
            return false
        }
        for expression in selector["matchExpressions"]?.items ?? [] {
            guard let key = expression["key"]?.string, let operation = expression["operator"]?.string else { continue }
            let values = Set((expression["values"]?.items ?? []).compactMap(\.string))
            let value = labels[key]
            switch operation {
            case "In": if !(value.map(values.contains) ?? false) { return false }
            case "NotIn": if value.map(values.contains) ?? false { return false }
            case "Exists": if value == nil { return false }
            case "DoesNotExist": if value != nil { return false }
            default: continue
            }
        }
        return true
    }

    /// `25%` → 25; nil for an integer or anything else.
    private static func percentage(_ node: SourceNode) -> Int64? {
        guard let text = node.string, text.hasSuffix("%") else { return nil }
        return Int64(text.dropLast())
    }

    private static func isZero(_ node: SourceNode) -> Bool {
        node.integer == 0 || percentage(node) == 0
    }
}
