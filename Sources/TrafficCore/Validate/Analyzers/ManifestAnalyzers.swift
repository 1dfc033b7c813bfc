/// The analyzers every validation runs, in the order their findings are produced.
public enum ManifestAnalyzers {
    public static let all: [any ManifestAnalyzer] = []
}
