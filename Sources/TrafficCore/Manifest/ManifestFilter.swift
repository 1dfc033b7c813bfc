/// Selecting rendered manifests, as the `?kind=` query parameter does.
public enum ManifestFilter {
    /// The manifests whose kind equals one of `kinds`, case-insensitively, in their original
    /// order. `kinds` may be a comma-separated list (`gateway,httproute`); an empty filter keeps all.
    public static func byKind(_ manifests: [Manifest], kinds: String) -> [Manifest] {
        let wanted = Set(
            kinds.split(separator: ",").map { $0.filter { !$0.isWhitespace }.lowercased() }.filter { !$0.isEmpty })
        guard !wanted.isEmpty else { return manifests }
        return manifests.filter { wanted.contains($0.kind.lowercased()) }
    }
}
