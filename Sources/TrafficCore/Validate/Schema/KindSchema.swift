/// The schema of one kind under the versions it is served as.
public struct KindSchema: Sendable {
    /// Where a schema came from: compiled in, or a CRD file given at run time.
    public enum Origin: Sendable, Hashable {
        case builtin
        case customResourceDefinition(source: String)
    }

    /// The API group; `""` for the core group (`apiVersion: v1`).
    public let group: String
    public let kind: String
    public let versions: [String]
    /// The whole object, `apiVersion`, `kind` and `metadata` included.
    public let root: SchemaNode
    public let origin: Origin
    /// Whether objects of this kind live in a namespace (CRD `scope`); built-ins know it.
    public let isNamespaced: Bool

    public init(group: String, kind: String, versions: [String], root: SchemaNode, origin: Origin, isNamespaced: Bool) {
        self.group = group
        self.kind = kind
        self.versions = versions
        self.root = root
        self.origin = origin
        self.isNamespaced = isNamespaced
    }

    /// `group/version`, or just `version` for the core group.
    public func apiVersion(_ version: String) -> String {
        group.isEmpty ? version : "\(group)/\(version)"
    }
}
