/// The format a spec document was posted in. Stored in `revisions.format`.
public enum DocumentFormat: String, Sendable, Equatable, CaseIterable {
    /// YAML 1.2.
    case yaml
    /// JSON.
    case json
}
