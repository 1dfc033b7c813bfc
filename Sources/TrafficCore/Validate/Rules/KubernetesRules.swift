/// The CEL rules of the Kubernetes CRDs, as Swift checks with the CRDs' messages.
enum KubernetesRules {
    static let rules: [SchemaRule] = []
}
