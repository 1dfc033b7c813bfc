/// The CEL rules of the GatewayAPI CRDs, as Swift checks with the CRDs' messages.
enum GatewayAPIRules {
    static let rules: [SchemaRule] = []
}
