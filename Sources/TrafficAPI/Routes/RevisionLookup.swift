import MiniHTTP
import TrafficCore
import TrafficStore

/// Resolves a spec name and a revision selector (a number or `latest`) to a stored revision,
/// or to a 404 that says whether the spec or the revision is missing.
enum RevisionLookup {
    /// The revision named by the `{name}` and `{revision}` path parameters.
    static func record(store: SpecStore, request: HTTPRequest) throws -> RevisionRecord {
        try record(
            store: store, name: try RequestParameters.specName(request),
            selector: request.pathParameters["revision"] ?? "", parameter: "revision")
    }

    /// The rendering of the revision named by the `{name}` and `{revision}` path parameters,
    /// from `cache` when it is there: a numbered revision that was rendered before needs no
    /// database read at all.
    static func rendered(store: SpecStore, cache: RenderedRevisionCache, request: HTTPRequest) throws
        -> RenderedRevisionCache.Entry
    {
        let name = try RequestParameters.specName(request)
        let selector = request.pathParameters["revision"] ?? ""
        if let number = try RequestParameters.revision(selector, parameter: "revision"),
            let cached = cache.entry(specName: name, number: number)
        {
            return cached
        }
        return try cache.entry(for: try record(store: store, name: name, selector: selector, parameter: "revision"))
    }

    /// The revision `selector` of spec `name`; `parameter` names the selector in errors.
    static func record(store: SpecStore, name: String, selector: String, parameter: String) throws -> RevisionRecord {
        if let number = try RequestParameters.revision(selector, parameter: parameter) {
            // The store throws specNotFound itself; nil means only the revision is missing.
            guard let record = try store.revision(of: name, number: number) else {
                throw StoreError.revisionNotFound(name: name, number: number)
            }
            return record
        }
        guard let latest = try store.latestRevision(of: name) else { throw StoreError.specNotFound(name: name) }
        return latest
    }
}

extension DocumentFormat {
    init(_ format: SourceFormat) {
        self = format == .json ? .json : .yaml
    }

    var sourceFormat: SourceFormat { self == .json ? .json : .yaml }
}

extension RevisionRecord {
    /// The stored document read back into a tree (it was valid when stored, so this fails only
    /// if the database was edited behind the server's back).
    func parsedRoot() throws(DocumentError) -> SourceNode {
        try DocumentParser().parseSingle(Array(source.utf8), format: format.sourceFormat)
    }

    /// The manifests this revision renders to, annotated with its number and digest: what
    /// `…/manifests` serves and `…/validation` checks.
    func renderedManifests() throws -> [Manifest] {
        let spec = try SpecDecoding.spec(from: try parsedRoot())
        return ManifestRenderer.render(spec, context: RenderContext(revision: number, digest: digest))
    }
}
