/// The documented order of documents in a bundle: what must exist first comes first
/// (namespace, then certificate material, then the Gateway and grants, then routes, then
/// the policies that target them, then AI Gateway kinds, then the autoscaler).
public enum ManifestOrder {
    public static let kinds: [String] = [
        "Namespace", "Issuer", "Certificate", "Gateway", "ReferenceGrant", "HTTPRoute",
        "BackendTrafficPolicy", "ClientTrafficPolicy", "SecurityPolicy",
        "Backend", "AIServiceBackend", "BackendSecurityPolicy", "AIGatewayRoute",
        "ScaledObject", "HorizontalPodAutoscaler",
    ]

    /// Rank of a kind; unknown kinds sort last.
    public static func rank(of kind: String) -> Int {
        kinds.firstIndex(of: kind) ?? kinds.count
    }

    /// Stable sort by kind rank; objects of one kind keep the order they were built in.
    public static func sorted(_ manifests: [Manifest]) -> [Manifest] {
        manifests.enumerated().sorted { lhs, rhs in
            let (left, right) = (rank(of: lhs.element.kind), rank(of: rhs.element.kind))
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
