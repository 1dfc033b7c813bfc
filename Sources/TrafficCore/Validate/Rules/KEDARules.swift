/// The CEL rules of the KEDA CRDs, as Swift checks with the CRDs' messages.
enum KEDARules {
    static let rules: [SchemaRule] = [
        SchemaRule("ScaledObject.replicaBounds") { spec in
            guard let minimum = spec["minReplicaCount"]?.integer else { return [] }
            // The CEL rule reads an unset maxReplicaCount as 100, KEDA's default.
            let maximum: Int64
            if spec.has("maxReplicaCount") {
                guard let written = spec["maxReplicaCount"]?.integer else { return [] }
                maximum = written
            } else {
                maximum = 100
            }
            guard minimum > maximum else { return [] }
            return [RuleViolation("minReplicaCount must be less than or equal to maxReplicaCount")]
        }
    ]
}
