/// The CEL rules of the KEDA CRDs, as Swift checks with the CRDs' messages.
enum KEDARules {
    static let rules: [SchemaRule] = []
}
