/// JWT claims that the spec needs as headers (per-user limits keyed by a claim): the header a
/// provider already copies the claim into, or `x-jwt-<claim>` added to every provider.
enum ClaimHeaders {
    static func header(for claim: String, in spec: TrafficSpec) -> String {
        for provider in spec.jwt?.providers ?? [] {
            if let mapping = provider.claimToHeaders?.first(where: { $0.claim == claim }) { return mapping.header }
        }
        return "x-jwt-" + String(claim.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    /// The provider's claimToHeaders plus the ones the rate limit needs.
    static func claimToHeaders(for provider: JWTProviderSpec, in spec: TrafficSpec) -> [ClaimToHeaderSpec] {
        var mappings = provider.claimToHeaders ?? []
        if let claim = spec.rateLimit?.perUser?.claim, !mappings.contains(where: { $0.claim == claim }) {
            mappings.append(ClaimToHeaderSpec(claim: claim, header: header(for: claim, in: spec)))
        }
        return mappings
    }
}
