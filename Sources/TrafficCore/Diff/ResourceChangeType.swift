/// What happened to one resource between two revisions.
public enum ResourceChangeType: String, Sendable, Hashable, CaseIterable {
    case added, removed, changed
}
