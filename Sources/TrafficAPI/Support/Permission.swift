import TrafficStore

/// What a route needs from its caller. Roles grant permissions; `admin` holds them all.
enum Permission: String, Sendable {
    /// Health, readiness, metrics and the contract: no credentials needed.
    case open
    /// Every read, and requests that compute without storing (render, validate, candidate diffs).
    case read
    /// Creating specs and revisions.
    case writeSpecs
    /// Recording rollouts and rollbacks.
    case deploy
    /// Creating, listing and revoking tokens.
    case manageTokens

    func isGranted(to role: TokenRole) -> Bool {
        switch (self, role) {
        case (.open, _), (.read, _), (_, .admin): true
        case (.writeSpecs, .author), (.deploy, .deployer): true
        default: false
        }
    }
}
