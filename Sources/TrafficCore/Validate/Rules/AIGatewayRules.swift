/// The CEL rules of the AIGateway CRDs, as Swift checks with the CRDs' messages.
enum AIGatewayRules {
    static let rules: [SchemaRule] = []
}
