/// One Kubernetes object read from a manifest bundle, with enough of its origin to point a
/// finding at the exact file, document, line and column.
public struct ManifestObject: Sendable {
    public let source: String
    public let documentIndex: Int
    /// The object as written.
    public let node: SourceNode
    public let apiVersion: String
    public let kind: String
    /// `metadata.name`, when it is a string.
    public let name: String?
    /// `metadata.namespace` as written; see `namespace` for the effective one.
    public let declaredNamespace: String?
    /// Where the object sits in its document: empty, or `items/N` inside a `List`.
    let pathPrefix: [PathToken]
    /// Lines before this document in its source (documents are parsed one at a time).
    let lineOffset: Int

    init(source: String, documentIndex: Int, node: SourceNode, apiVersion: String, kind: String,
         pathPrefix: [PathToken], lineOffset: Int) {
        self.source = source
        self.documentIndex = documentIndex
        self.node = node
        self.apiVersion = apiVersion
        self.kind = kind
        // A traffic spec names itself at the top level; Kubernetes objects in metadata.
        let identity = kind == "TrafficSpec" ? node : node["metadata"]
        self.name = identity?["name"]?.string
        self.declaredNamespace = identity?["namespace"]?.string
        self.pathPrefix = pathPrefix
        self.lineOffset = lineOffset
    }

    /// The API group (`""` for the core group).
    public var group: String { SchemaCatalog.split(apiVersion).group }

    /// The namespace the object lands in: as written, or `default` (where kubectl puts an
    /// object without one, absent a `-n` flag).
    public var namespace: String { declaredNamespace ?? "default" }

    public var resource: Finding.Resource {
        Finding.Resource(
            apiVersion: apiVersion, kind: kind, namespace: declaredNamespace, name: name, documentIndex: documentIndex)
    }

    /// A finding about the value at `path` (relative to the object).
    public func finding(_ diagnostic: Diagnostic, at path: [PathToken], message: String, hint: String? = nil,
                        severity: Severity? = nil, keyLocation: Bool = false) -> Finding {
        Finding(
            diagnostic, source: source, resource: resource, path: PathToken.pointer(pathPrefix + path),
            location: location(of: path, key: keyLocation), message: message, hint: hint, severity: severity)
    }

    /// The position of the value at `path`, or of the nearest ancestor that exists; with
    /// `key`, the position of the last key itself (for "unknown field" findings).
    func location(of path: [PathToken], key: Bool = false) -> SourceLocation? {
        var current = node
        var best = node.location
        for (offset, token) in path.enumerated() {
            switch token {
            case .key(let name):
                guard let entry = current.entries?.first(where: { $0.key == name }) else { return shifted(best) }
                if key, offset == path.count - 1 { return shifted(entry.keyLocation ?? entry.value.location) }
                current = entry.value
            case .index(let index):
                guard let items = current.items, items.indices.contains(index) else { return shifted(best) }
                current = items[index]
            }
            best = current.location ?? best
        }
        return shifted(best)
    }

    private func shifted(_ location: SourceLocation?) -> SourceLocation? {
        location.map { SourceLocation(line: $0.line + lineOffset, column: $0.column) }
    }
}
