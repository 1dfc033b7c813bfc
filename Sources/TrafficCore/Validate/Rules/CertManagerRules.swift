/// The CEL rules of the CertManager CRDs, as Swift checks with the CRDs' messages.
enum CertManagerRules {
    static let rules: [SchemaRule] = []
}
