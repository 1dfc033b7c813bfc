import MiniHTTP
import TrafficCore
import TrafficStore

/// Rendered manifests: of a stored revision, or of a spec posted for a one-off render.
struct ManifestRoutes: Sendable {
    let store: SpecStore
    let cache: RenderedRevisionCache

    func register(on api: inout APIRouter) {
        api.add(.get, "/v1/specs/{name}/revisions/{revision}/manifests", .read, revisionManifests)
        api.add(.post, "/v1/render", .read, render)
        api.add(.get, "/v1/schema/spec", .open, schema)
    }

    /// `GET …/revisions/{n}/manifests`: YAML by default, a JSON `v1 List` by `Accept`; `?kind=`
    /// keeps only the named kinds (comma-separated, case-insensitive).
    func revisionManifests(_ request: HTTPRequest) throws -> HTTPResponse {
        let entry = try RevisionLookup.rendered(store: store, cache: cache, request: request)
        let location = [("Content-Location", Paths.revision(entry.specName, entry.number) + "/manifests")]
        guard request.queryValue("kind") != nil else {
            // The common case: a whole representation, encoded and hashed once per revision.
            let selected = try Self.negotiate(request)
            let representation = selected.subtype == "json" ? entry.json : entry.yaml
            return respond(
                body: representation.text, digest: representation.digest, count: entry.manifests.count, as: selected,
                to: request, extraHeaders: location)
        }
        return try respond(with: entry.manifests, to: request, extraHeaders: location)
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

    private static func negotiate(_ request: HTTPRequest) throws -> MediaType {
        try ContentNegotiation.select(accept: request.headers["Accept"], offers: [.yaml, .json], defaultOffer: .yaml)
    }

    private func respond(with manifests: [Manifest], to request: HTTPRequest, extraHeaders: [(String, String)]) throws
        -> HTTPResponse
    {
        let selected = try Self.negotiate(request)
        var kept = manifests
        if let kinds = request.queryValue("kind") { kept = ManifestFilter.byKind(manifests, kinds: kinds) }
        let body = selected.subtype == "json" ? ManifestEncoder.jsonList(kept) : ManifestEncoder.yaml(kept)
        // The representation's own digest: YAML and JSON, filtered or not, are different bytes.
        return respond(
            body: body, digest: ContentDigest.sha256Hex(body), count: kept.count, as: selected, to: request,
            extraHeaders: extraHeaders)
    }

    private func respond(
        body: String, digest: String, count: Int, as selected: MediaType, to request: HTTPRequest,
        extraHeaders: [(String, String)]
    ) -> HTTPResponse {
        let headers =
            [("ETag", EntityTag.strong(digest)), ("Vary", "Accept"), ("X-Manifest-Count", String(count))] + extraHeaders
        if EntityTag.noneMatch(request.headers["If-None-Match"], digest: digest) {
            return .notModified(headers: headers)
        }
        return .text(body, mediaType: selected, headers: headers)
    }
}
