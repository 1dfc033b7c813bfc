/// The CEL rules of the EnvoyGateway CRDs, as Swift checks with the CRDs' messages.
enum EnvoyGatewayRules {
    static let rules: [SchemaRule] = []
}
