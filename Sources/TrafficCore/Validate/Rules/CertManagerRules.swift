/// The CEL rules of the CertManager CRDs, as Swift checks with the CRDs' messages.
enum CertManagerRules {
    static let rules: [SchemaRule] = [
        SchemaRule("Issuer.venafiExactlyOne") { venafi in
            let configured = ["tpp", "cloud", "ngts"].filter { venafi.has($0) }
            guard configured.count != 1 else { return [] }
            return [RuleViolation("exactly one of tpp, cloud, or ngts must be configured")]
        }
    ]
}
