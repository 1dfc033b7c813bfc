/// The analyzers every validation runs, in the order their findings are produced.
public enum ManifestAnalyzers {
    public static let all: [any ManifestAnalyzer] = [
        ParentReferenceAnalyzer(),
        BackendReferenceAnalyzer(),
        ReferenceGrantAnalyzer(),
        PolicyTargetAnalyzer(),
        ListenerTLSAnalyzer(),
        RouteRuleAnalyzer(),
        RateLimitAnalyzer(),
        CircuitBreakerAnalyzer(),
        AutoscalingAnalyzer(),
        SecurityPolicyAnalyzer(),
    ]
}
