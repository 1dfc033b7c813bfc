/// The kinds the validator knows: the built-in schemas, optionally extended or overridden by
/// CRDs loaded at run time.
public struct SchemaCatalog: Sendable {
    /// What the catalog knows about an `apiVersion` + `kind` pair.
    public enum Lookup: Sendable {
        case found(KindSchema)
        /// The kind is known, but not under this version.
        case unservedVersion(servedVersions: [String])
        case unknownKind
    }

    private struct VersionedKind: Hashable {
        var group: String
        var version: String
        var kind: String
    }

    private var byVersionedKind: [VersionedKind: KindSchema] = [:]
    private var versionsByKind: [String: [String]] = [:]
    /// The `metadata` schema, shared by every kind.
    public let objectMeta: SchemaNode?
    /// Mistakes in the built-in `.kschema` files (a test keeps this empty).
    public let notationErrors: [SchemaNotationError]

    public init(kinds: [KindSchema], objectMeta: SchemaNode?, notationErrors: [SchemaNotationError] = []) {
        self.objectMeta = objectMeta
        self.notationErrors = notationErrors
        add(kinds)
    }

    /// The schemas compiled into the binary (`schemas/*.kschema`), parsed once per process.
    public static let builtin: SchemaCatalog = {
        let parsed = SchemaNotationParser.parse(files: EmbeddedSchemas.files)
        return SchemaCatalog(kinds: parsed.kinds, objectMeta: parsed.objectMeta, notationErrors: parsed.errors)
    }()

    /// This catalog with `kinds` added; a kind already known under the same group and version
    /// is replaced (a CRD from `--crd-dir` describes the cluster better than our built-in).
    public func adding(_ kinds: [KindSchema]) -> SchemaCatalog {
        var copy = self
        copy.add(kinds)
        return copy
    }

    private mutating func add(_ kinds: [KindSchema]) {
        for schema in kinds {
            for version in schema.versions {
                let key = VersionedKind(group: schema.group, version: version, kind: schema.kind)
                if byVersionedKind.updateValue(schema, forKey: key) == nil {
                    versionsByKind["\(schema.group)/\(schema.kind)", default: []].append(schema.apiVersion(version))
                }
            }
        }
    }

    public func lookup(apiVersion: String, kind: String) -> Lookup {
        let (group, version) = Self.split(apiVersion)
        if let schema = byVersionedKind[VersionedKind(group: group, version: version, kind: kind)] { return .found(schema) }
        if let served = versionsByKind["\(group)/\(kind)"] { return .unservedVersion(servedVersions: served) }
        return .unknownKind
    }

    /// Every kind and version known, for `GET /v1/validate/kinds`-style listings and docs.
    public var allKinds: [KindSchema] {
        var seen = Set<ObjectIdentifier>()
        return byVersionedKind.values.filter { seen.insert(ObjectIdentifier($0.root)).inserted }
            .sorted { ($0.group, $0.kind) < ($1.group, $1.kind) }
    }

    /// `apps/v1` → (`apps`, `v1`); `v1` → (`""`, `v1`).
    static func split(_ apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }
}
