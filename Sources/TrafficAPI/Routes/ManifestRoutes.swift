import MiniHTTP
import TrafficCore
import TrafficStore

/// Rendered manifests: of a stored revision, or of a spec posted for a one-off render.
struct ManifestRoutes: Sendable {
    let store: SpecStore

    func register(on api: inout APIRouter) {
        api.add(.get, "/v1/specs/{name}/revisions/{revision}/manifests", .read, revisionManifests)
        api.add(.post, "/v1/render", .read, render)
        api.add(.get, "/v1/schema/spec", .open, schema)
    }

    /// `GET …/revisions/{n}/manifests`: YAML by default, a JSON `v1 List` by `Accept`; `?kind=`
    /// keeps only the named kinds (comma-separated, case-insensitive).
    func revisionManifests(_ request: HTTPRequest) throws -> HTTPResponse {
        let record = try RevisionLookup.record(store: store, request: request)
        return try respond(
            with: try record.renderedManifests(), to: request,
            extraHeaders: [("Content-Location", Paths.revision(record.specName, record.number) + "/manifests")])
    }

    /// `POST /v1/render`: a spec in, its manifests out; nothing is stored.
    func render(_ request: HTTPRequest) throws -> HTTPResponse {
        let (_, spec) = try RequestBody.validatedSpec(of: request)
        return try respond(with: ManifestRenderer.render(spec, context: .stateless), to: request, extraHeaders: [])
    }

    /// `GET /v1/schema/spec`: the JSON Schema of the spec format, for editors.
    func schema(_ request: HTTPRequest) throws -> HTTPResponse {
        .text(Self.schemaText, mediaType: MediaType(type: "application", subtype: "schema+json"),
            headers: [("ETag", Self.schemaETag)])
    }

    /// The schema never changes while the process runs: build and hash it once.
    private static let schemaText = TrafficSpecSchema.text
    private static let schemaETag = EntityTag.strong(ContentDigest.sha256Hex(schemaText))

    private func respond(with manifests: [Manifest], to request: HTTPRequest, extraHeaders: [(String, String)]) throws
        -> HTTPResponse
    {
        let selected = try ContentNegotiation.select(
            accept: request.headers["Accept"], offers: [.yaml, .json], defaultOffer: .yaml)
        var kept = manifests
        if let kinds = request.queryValue("kind") { kept = ManifestFilter.byKind(manifests, kinds: kinds) }
        let body = selected.subtype == "json" ? ManifestEncoder.jsonList(kept) : ManifestEncoder.yaml(kept)
        // The representation's own digest: YAML and JSON, filtered or not, are different bytes.
        let digest = ContentDigest.sha256Hex(body)
        let headers =
            [("ETag", EntityTag.strong(digest)), ("Vary", "Accept"), ("X-Manifest-Count", String(kept.count))] + extraHeaders
        if EntityTag.noneMatch(request.headers["If-None-Match"], digest: digest) {
            return .notModified(headers: headers)
        }
        return .text(body, mediaType: selected, headers: headers)
    }
}
