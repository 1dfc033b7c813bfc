/// The serialization a document arrived in.
public enum SourceFormat: String, Sendable, Hashable, CaseIterable {
    case yaml
    case json
}
