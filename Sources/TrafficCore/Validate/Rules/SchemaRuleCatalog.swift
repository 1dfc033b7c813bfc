/// Every Swift rule that `.kschema` files may name, by id.
enum SchemaRuleCatalog {
    static let byID: [String: SchemaRule] = {
        let all = GatewayAPIRules.rules + EnvoyGatewayRules.rules + KEDARules.rules + AIGatewayRules.rules
            + CertManagerRules.rules + KubernetesRules.rules + ObjectMetaRules.rules
        return Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }()
}
