/// Proactive negotiation over the `Accept` header (RFC 9110 §12.5.1).
enum ContentNegotiation {
    /// Picks the representation to send: the offer with the highest client weight, ties broken
    /// by the client's specificity and then by the order of `offers` (server preference).
    /// No `Accept` header, or one that only has wildcards, selects `defaultOffer`.
    static func select(accept: String?, offers: [MediaType], defaultOffer: MediaType) throws(APIError) -> MediaType {
        guard let accept, !accept.trimmingSpaces.isEmpty else { return defaultOffer }
        let ranges = parseRanges(accept)
        guard !ranges.isEmpty else { return defaultOffer }
        var best: (offer: MediaType, weight: Double, specificity: Int, order: Int)?
        let ordered = [defaultOffer] + offers.filter { $0.essence != defaultOffer.essence }
        for (order, offer) in ordered.enumerated() {
            // The most specific matching range decides the weight of an offer.
            guard let range = ranges.filter({ $0.media.matches(offer) }).max(by: { $0.specificity < $1.specificity }),
                range.weight > 0
            else { continue }
            let candidate = (offer, range.weight, range.specificity, order)
            if let current = best {
                if candidate.1 > current.weight
                    || (candidate.1 == current.weight && candidate.2 > current.specificity)
                {
                    best = candidate
                }
            } else {
                best = candidate
            }
        }
        guard let best else { throw .notAcceptable(offered: ordered.map(\.essence)) }
        return best.offer
    }

    private struct Range {
        var media: MediaType
        var weight: Double
        var specificity: Int
    }

    private static func parseRanges(_ header: String) -> [Range] {
        header.split(separator: ",").compactMap { element in
            guard let media = MediaType(parsing: String(element)) else { return nil }
            var weight = 1.0
            if let q = media.parameters["q"] {
                guard let parsed = Double(q), (0...1).contains(parsed) else { return nil }
                weight = parsed
            }
            let specificity = media.type == "*" ? 0 : (media.subtype == "*" ? 1 : 2)
            return Range(media: media, weight: weight, specificity: specificity)
        }
    }
}
