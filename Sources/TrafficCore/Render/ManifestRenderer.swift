/// Spec → Kubernetes objects, in the documented order (see `ManifestOrder`). Pure: equal specs
/// and contexts give equal manifests.
public enum ManifestRenderer {
    public static func render(_ spec: TrafficSpec, context: RenderContext) -> [Manifest] {
        let names = GeneratedNames(spec: spec)
        let metadata = MetadataBuilder(spec: spec, context: context)
        let certificates = CertificateBuilder(spec: spec, names: names, metadata: metadata)
        let ai = AIGatewayBuilder(spec: spec, names: names, metadata: metadata)

        var manifests: [Manifest] = []
        manifests += [NamespaceBuilder(spec: spec, metadata: metadata).build()].compactMap { $0 }
        manifests += certificates.issuers()
        manifests += certificates.build()
        manifests.append(GatewayBuilder(spec: spec, names: names, metadata: metadata).build())
        manifests += ReferenceGrantBuilder(spec: spec, names: names, metadata: metadata).build()
        manifests += HTTPRouteBuilder(spec: spec, names: names, metadata: metadata).build()
        manifests += [
            BackendTrafficPolicyBuilder(spec: spec, names: names, metadata: metadata).build(),
            ai.tokenBudgetPolicy(),
            ClientTrafficPolicyBuilder(spec: spec, names: names, metadata: metadata).build(),
            SecurityPolicyBuilder(spec: spec, names: names, metadata: metadata).build(),
        ].compactMap { $0 }
        manifests += ai.backends()
        manifests += ai.serviceBackends()
        manifests += ai.securityPolicies()
        manifests += [ai.route(), AutoscalerBuilder(spec: spec, names: names, metadata: metadata).build()].compactMap { $0 }
        return ManifestOrder.sorted(manifests)
    }

    /// Bytes in, YAML out: parse, decode, render, encode. The one-call path for CLI and API.
    public static func renderYAML(_ bytes: [UInt8], format: SourceFormat, context: RenderContext = .stateless)
        -> Result<String, SpecDocument.Failure>
    {
        TrafficSpecDecoder.decode(bytes, format: format).map { ManifestEncoder.yaml(render($0, context: context)) }
    }
}
