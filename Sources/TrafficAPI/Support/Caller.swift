import TrafficStore

/// Who made a request, as access control established it.
struct Caller: Sendable {
    /// The authenticated token; nil for open routes and anonymous reads.
    let token: TokenRecord?

    /// The actor a write is recorded under: the token's name. Writes always need a token, so
    /// `anonymous` appears only if a route that records nothing asks.
    var actor: String { token?.name ?? "anonymous" }
}
