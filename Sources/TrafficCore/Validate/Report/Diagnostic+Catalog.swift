/// Every finding trafficspec can report. docs/diagnostics.md has one row per entry (a test
/// keeps the two in step); add new codes at the end of their group, never renumber.
extension Diagnostic {
    // MARK: Input (TS00xx)
    public static let syntaxError = Diagnostic(
        "TS0001", "syntax-error", .error, summary: "The stream is not well-formed YAML or JSON.",
        hint: "Fix the syntax at the reported line and column; documents after the error are not checked.")
    public static let duplicateKey = Diagnostic(
        "TS0002", "duplicate-key", .error, summary: "A mapping repeats a key; Kubernetes would silently keep one of them.",
        hint: "Remove or merge the repeated key.")
    public static let documentTooLarge = Diagnostic(
        "TS0003", "document-too-large", .error,
        summary: "A document nests too deeply or expands (through YAML aliases) beyond the node limit.",
        hint: "Write the document out without alias chains; real manifests stay far below the limits.")
    public static let notAnObject = Diagnostic(
        "TS0004", "not-an-object", .error, summary: "A document is a list or a scalar, not a Kubernetes object.",
        hint: "Each YAML document must be one mapping with apiVersion, kind and metadata.")
    public static let missingAPIVersion = Diagnostic(
        "TS0005", "missing-api-version", .error, summary: "An object has no apiVersion string.",
        hint: "Add apiVersion, e.g. gateway.networking.k8s.io/v1.")
    public static let missingKind = Diagnostic(
        "TS0006", "missing-kind", .error, summary: "An object has no kind string.", hint: "Add kind, e.g. HTTPRoute.")
    public static let missingName = Diagnostic(
        "TS0007", "missing-name", .error, summary: "An object has neither metadata.name nor metadata.generateName.",
        hint: "Add metadata.name.")
    public static let invalidName = Diagnostic(
        "TS0008", "invalid-name", .error,
        summary: "metadata.name or metadata.namespace is not a DNS-1123 name of the form the kind requires.",
        hint: "Use lowercase letters, digits and '-' (and '.' where a subdomain is allowed), starting and ending with a letter or digit.")
    public static let duplicateObject = Diagnostic(
        "TS0009", "duplicate-object", .error, summary: "Two documents describe the same object (group, kind, namespace, name).",
        hint: "Remove one of them; kubectl apply would keep only the last.")
    public static let unknownKind = Diagnostic(
        "TS0010", "unknown-kind", .warning, summary: "No schema is known for this apiVersion and kind, so only the input checks ran.",
        hint: "Pass the kind's CRD with --crd-dir to check it.")
    public static let unservedVersion = Diagnostic(
        "TS0011", "unserved-version", .error, summary: "The kind is known, but not under this apiVersion.",
        hint: "Use one of the served versions listed in the message.")
    public static let celNotEvaluated = Diagnostic(
        "TS0012", "cel-not-evaluated", .info,
        summary: "A CRD loaded with --crd-dir states CEL rules that trafficspec does not evaluate for that kind.",
        hint: "Built-in kinds have their CEL rules written as checks; for other kinds, kubectl apply --dry-run=server runs them.")
    public static let invalidEncoding = Diagnostic(
        "TS0013", "invalid-encoding", .error, summary: "The input is not UTF-8 text.",
        hint: "Save the file as UTF-8.")
    public static let findingsOmitted = Diagnostic(
        "TS0014", "findings-omitted", .info,
        summary: "One object has more schema findings than are listed; the rest are counted, not listed.",
        hint: "Fix the findings listed and validate again; an object with hundreds of errors is usually the wrong kind or version.")

    // MARK: Schema (TS10xx)
    public static let unknownField = Diagnostic(
        "TS1001", "unknown-field", .error, summary: "A field the schema does not define; strict server-side apply rejects it.",
        hint: "Check the spelling and the nesting level against the API reference.")
    public static let wrongType = Diagnostic(
        "TS1002", "wrong-type", .error, summary: "A value has the wrong type (e.g. a string where an integer belongs).",
        hint: "Write the value with the type the schema names; quote numbers that are meant as strings.")
    public static let requiredField = Diagnostic(
        "TS1003", "required-field", .error, summary: "A required field is missing.", hint: "Add the field.")
    public static let unsupportedValue = Diagnostic(
        "TS1004", "unsupported-value", .error, summary: "A value is not one of the values the schema allows.",
        hint: "Use one of the supported values listed in the message (they are case-sensitive).")
    public static let outOfRange = Diagnostic(
        "TS1005", "out-of-range", .error, summary: "A number is below the minimum or above the maximum.",
        hint: "Use a value inside the range given in the message.")
    public static let patternMismatch = Diagnostic(
        "TS1006", "pattern-mismatch", .error, summary: "A string does not match the pattern the schema requires.",
        hint: "Compare the value with the pattern in the message.")
    public static let invalidLength = Diagnostic(
        "TS1007", "invalid-length", .error, summary: "A string is shorter or longer than the schema allows.",
        hint: "Shorten or lengthen the value to the bounds in the message.")
    public static let invalidItemCount = Diagnostic(
        "TS1008", "invalid-item-count", .error, summary: "A list has fewer or more items than the schema allows.",
        hint: "Split or merge entries to stay within the bounds in the message.")
    public static let duplicateItem = Diagnostic(
        "TS1009", "duplicate-item", .error,
        summary: "A list declared as a set or a map (x-kubernetes-list-type) repeats an item or a key.",
        hint: "Remove the repeated item, or merge the two entries with the same key.")
    public static let invalidFormat = Diagnostic(
        "TS1010", "invalid-format", .error, summary: "A value does not have the format the schema names (int32, date-time, base64, …).",
        hint: "Write the value in the format named in the message.")
    public static let invalidPropertyCount = Diagnostic(
        "TS1011", "invalid-property-count", .error, summary: "An object or map has fewer or more entries than the schema allows.",
        hint: "Add or remove entries to stay within the bounds in the message.")
    public static let invalidMetadata = Diagnostic(
        "TS1012", "invalid-metadata", .error, summary: "A label or annotation key, or a label value, breaks the Kubernetes rules.",
        hint: "Keys are an optional DNS subdomain prefix and '/', then up to 63 characters [A-Za-z0-9._-]; label values are up to 63 such characters.")

    // MARK: CRD rules (TS20xx)
    public static let ruleViolated = Diagnostic(
        "TS2001", "rule-violated", .error,
        summary: "A rule the CRD states in CEL (x-kubernetes-validations) is broken; the message is the CRD's own.",
        hint: "The API server rejects the object with this message; change the fields it names.")

    public static let specRuleViolated = Diagnostic(
        "TS2002", "spec-rule-violated", .error,
        summary: "A rule between fields of a traffic spec is broken (for example two listeners with one name).",
        hint: "Change the fields the message names; docs/spec.md describes each rule.")

    // MARK: References (TS30xx)
    public static let parentNotFound = Diagnostic(
        "TS3001", "parent-not-found", .warning, summary: "A route's parentRef names a Gateway that is not in the bundle.",
        hint: "Include the Gateway, or check its name and namespace; a route with no accepted parent serves no traffic.")
    public static let listenerNotFound = Diagnostic(
        "TS3002", "listener-not-found", .error,
        summary: "A route's parentRef names a sectionName (or port) that the Gateway has no listener for.",
        hint: "Use the name of one of the Gateway's listeners.")
    public static let namespaceNotAllowed = Diagnostic(
        "TS3003", "namespace-not-allowed", .error,
        summary: "A listener's allowedRoutes does not admit routes from the route's namespace (or of its kind).",
        hint: "Set allowedRoutes.namespaces.from to All or Selector, or move the route into the Gateway's namespace.")
    public static let hostnameMismatch = Diagnostic(
        "TS3004", "hostname-mismatch", .error, summary: "None of a route's hostnames intersects the hostname of the listener it attaches to.",
        hint: "Make the route's hostnames match the listener hostname (a wildcard listener *.example.com matches one or more labels in front of example.com).")
    public static let redirectBypassed = Diagnostic(
        "TS3005", "redirect-bypassed", .warning,
        summary: "A route attaches to every listener of a Gateway that redirects HTTP to HTTPS, so plain HTTP is served too.",
        hint: "Set sectionName to the HTTPS listener, so only the redirect route attaches to the HTTP listener.")
    public static let backendNotFound = Diagnostic(
        "TS3006", "backend-not-found", .warning, summary: "A backendRef names a Service that is not in the bundle.",
        hint: "Include the Service, or check its name and namespace.")
    public static let backendPortNotExposed = Diagnostic(
        "TS3007", "backend-port-not-exposed", .error, summary: "A backendRef's port is not a port of the Service in the bundle.",
        hint: "Use one of the Service's ports (the port, not the targetPort).")
    public static let referenceNotGranted = Diagnostic(
        "TS3008", "reference-not-granted", .warning,
        summary: "A reference into another namespace has no ReferenceGrant in the bundle that permits it.",
        hint: "Add a ReferenceGrant in the target namespace whose from names the referring kind and namespace.")
    public static let policyTargetNotFound = Diagnostic(
        "TS3009", "policy-target-not-found", .warning, summary: "A policy's targetRef names an object that is not in the bundle.",
        hint: "Include the target, or check its kind and name.")
    public static let policyTargetCrossNamespace = Diagnostic(
        "TS3010", "policy-target-cross-namespace", .error,
        summary: "A policy targets an object in another namespace; policies attach only within their own namespace.",
        hint: "Create the policy in the target's namespace.")
    public static let policyConflict = Diagnostic(
        "TS3011", "policy-conflict", .warning,
        summary: "Two policies of one kind target the same object (and section); only the oldest takes effect.",
        hint: "Merge the two policies into one.")
    public static let listenerWithoutCertificate = Diagnostic(
        "TS3012", "listener-without-certificate", .error, summary: "An HTTPS listener that terminates TLS has no certificateRefs.",
        hint: "Add tls.certificateRefs naming the Secret with the certificate.")

    // MARK: Routing (TS40xx)
    public static let allBackendsZeroWeight = Diagnostic(
        "TS4001", "all-backends-zero-weight", .warning,
        summary: "Every backendRef of a rule has weight 0, so the rule answers every request with 500.",
        hint: "Give at least one backend a positive weight.")
    public static let zeroWeightBackend = Diagnostic(
        "TS4002", "zero-weight-backend", .info, summary: "A backendRef has weight 0 and receives no traffic.",
        hint: "Fine for a canary at 0%; remove the backend once it is retired.")
    public static let unreachableMatch = Diagnostic(
        "TS4003", "unreachable-match", .warning,
        summary: "Two rules (of one route or of routes on the same parent and hostname) have the same match; one can never win.",
        hint: "Remove the duplicate match or make the two matches differ.")
    public static let backendTimeoutExceedsRequest = Diagnostic(
        "TS4004", "backend-timeout-exceeds-request", .error,
        summary: "timeouts.backendRequest is longer than timeouts.request.",
        hint: "Make backendRequest at most request (retries run within the request timeout).")

    // MARK: Rate limits (TS50xx)
    public static let wildcardHeaderValue = Diagnostic(
        "TS5001", "wildcard-header-value", .warning,
        summary: "A rate-limit header match has value \"*\" with type Exact, which matches only a literal asterisk.",
        hint: "For one bucket per value use type: Distinct without a value; for \"header present\" use type: RegularExpression with value \".*\".")
    public static let distinctWithInvert = Diagnostic(
        "TS5002", "distinct-with-invert", .error,
        summary: "A Distinct header match sets invert; Envoy Gateway refuses to translate the policy.",
        hint: "Remove invert, or use type Exact with a value.")
    public static let distinctWithValue = Diagnostic(
        "TS5003", "distinct-with-value", .error,
        summary: "A Distinct header match sets a value; Envoy Gateway refuses to translate the policy.",
        hint: "Remove the value (Distinct makes one bucket per value seen).")
    public static let headerMatchWithoutValue = Diagnostic(
        "TS5004", "header-match-without-value", .error,
        summary: "An Exact or RegularExpression header match has no value; Envoy Gateway refuses to translate the policy.",
        hint: "Add a value, or use type: Distinct.")
    public static let spoofableUserKey = Diagnostic(
        "TS5005", "spoofable-user-key", .warning,
        summary: "A per-user rate limit is keyed on a header that no JWT claimToHeaders sets, so clients choose their own key.",
        hint: "Set the header from a verified JWT claim (SecurityPolicy jwt.providers[].claimToHeaders) on the same target.")
    public static let globalLimitNeedsService = Diagnostic(
        "TS5006", "global-limit-needs-service", .info,
        summary: "Global rate limits need Envoy Gateway's rate-limit service and Redis, configured in the EnvoyGateway config.",
        hint: "Enable rateLimit in the EnvoyGateway configuration, or use local limits.")
    public static let localLimitPerReplica = Diagnostic(
        "TS5007", "local-limit-per-replica", .info,
        summary: "Local rate limits count per Envoy replica, and the proxy is autoscaled: the effective limit grows with replicas.",
        hint: "Divide the intended limit by the replica count, or use a global limit.")

    // MARK: Protection and scaling (TS60xx)
    public static let circuitBreakerDefaults = Diagnostic(
        "TS6001", "circuit-breaker-defaults", .warning,
        summary: "A circuit-breaker threshold is at or above Envoy's default of 1024, so it protects nothing the default does not.",
        hint: "Size thresholds from the backend's real capacity.")
    public static let circuitBreakerBelowParallelism = Diagnostic(
        "TS6002", "circuit-breaker-below-parallelism", .warning,
        summary: "A circuit-breaker threshold is below the parallelism configured elsewhere (retries, connections), so it trips in normal operation.",
        hint: "Raise the threshold, or lower the parallelism named in the message.")
    public static let replicaBoundsInverted = Diagnostic(
        "TS6003", "replica-bounds-inverted", .error, summary: "minReplicaCount (or minReplicas) is greater than the maximum.",
        hint: "Make the minimum at most the maximum.")
    public static let scaleToZeroColdStart = Diagnostic(
        "TS6004", "scale-to-zero-cold-start", .warning,
        summary: "minReplicaCount is 0 without an explicit scale-to-zero intent: the first request after idling waits for a cold start.",
        hint: "Set minReplicaCount to 1, or annotate the ScaledObject with trafficspec.io/scale-to-zero: \"true\" to confirm.")
    public static let competingAutoscalers = Diagnostic(
        "TS6005", "competing-autoscalers", .error,
        summary: "A ScaledObject and a HorizontalPodAutoscaler scale the same workload and fight over its replica count.",
        hint: "Keep one of them; KEDA creates its own HPA for the ScaledObject.")
    public static let prometheusTriggerIncomplete = Diagnostic(
        "TS6006", "prometheus-trigger-incomplete", .error,
        summary: "A prometheus trigger lacks serverAddress, query or threshold; KEDA cannot evaluate it.",
        hint: "Add the missing metadata keys named in the message.")
    public static let ignoredMetricName = Diagnostic(
        "TS6007", "ignored-metric-name", .warning,
        summary: "A trigger sets metadata.metricName, which KEDA ignores since 2.12.",
        hint: "Remove metricName; use the trigger's name field to name the metric.")

    // MARK: Security (TS70xx)
    public static let jwtWithoutJWKS = Diagnostic(
        "TS7001", "jwt-without-jwks", .error, summary: "A JWT provider has neither remoteJWKS nor localJWKS, so no token can be verified.",
        hint: "Add remoteJWKS.uri (or localJWKS) to the provider.")
    public static let corsWildcardWithCredentials = Diagnostic(
        "TS7002", "cors-wildcard-with-credentials", .error,
        summary: "CORS allows every origin (\"*\") together with credentials: either browsers refuse the responses, or (where the proxy echoes the request's Origin) every site may make credentialed requests.",
        hint: "List the allowed origins explicitly, or turn allowCredentials off.")

    /// Every diagnostic, in code order.
    public static let all: [Diagnostic] = [
        syntaxError, duplicateKey, documentTooLarge, notAnObject, missingAPIVersion, missingKind, missingName,
        invalidName, duplicateObject, unknownKind, unservedVersion, celNotEvaluated, invalidEncoding, findingsOmitted,
        unknownField, wrongType, requiredField, unsupportedValue, outOfRange, patternMismatch, invalidLength,
        invalidItemCount, duplicateItem, invalidFormat, invalidPropertyCount, invalidMetadata,
        ruleViolated, specRuleViolated,
        parentNotFound, listenerNotFound, namespaceNotAllowed, hostnameMismatch, redirectBypassed, backendNotFound,
        backendPortNotExposed, referenceNotGranted, policyTargetNotFound, policyTargetCrossNamespace, policyConflict,
        listenerWithoutCertificate,
        allBackendsZeroWeight, zeroWeightBackend, unreachableMatch, backendTimeoutExceedsRequest,
        wildcardHeaderValue, distinctWithInvert, distinctWithValue, headerMatchWithoutValue, spoofableUserKey,
        globalLimitNeedsService, localLimitPerReplica,
        circuitBreakerDefaults, circuitBreakerBelowParallelism, replicaBoundsInverted, scaleToZeroColdStart,
        competingAutoscalers, prometheusTriggerIncomplete, ignoredMetricName,
        jwtWithoutJWKS, corsWildcardWithCredentials,
    ]
}
