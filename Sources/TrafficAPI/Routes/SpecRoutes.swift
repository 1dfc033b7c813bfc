import MiniHTTP
import TrafficCore
import TrafficStore

/// `/v1/specs…`: creating specs, appending revisions, and reading them back.
struct SpecRoutes: Sendable {
    let store: SpecStore

    func register(on api: inout APIRouter) {
        api.add(.post, "/v1/specs", .writeSpecs, create)
        api.add(.get, "/v1/specs", .read, list)
        api.add(.get, "/v1/specs/{name}", .read, show)
        api.add(.post, "/v1/specs/{name}/revisions", .writeSpecs, appendRevision)
        api.add(.get, "/v1/specs/{name}/revisions", .read, listRevisions)
        api.add(.get, "/v1/specs/{name}/revisions/{revision}", .read, showRevision)
    }

    /// `POST /v1/specs`: revision 1 of a new spec.
    func create(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        let (document, _) = try RequestBody.validatedSpec(of: request)
        let record = try store.createSpec(NewRevision(document), actor: caller.actor)
        return .json(
            Representations.revision(record), status: .created,
            headers: [("Location", Paths.spec(record.specName)), ("ETag", EntityTag.strong(record.digest))])
    }

    /// `POST /v1/specs/{name}/revisions`: optimistic concurrency through `If-Match` (the digest
    /// of the revision the change builds on) or `?baseRevision=N`.
    func appendRevision(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        let base = try expectedBase(request)
        let (document, _) = try RequestBody.validatedSpec(of: request)
        guard document.name == name else {
            throw APIError.invalidContent([
                FieldError(
                    path: "name", message: "must equal the spec name in the URL ('\(name)'), got '\(document.name)'",
                    location: document.root["name"]?.location)
            ])
        }
        let result = try store.appendRevision(NewRevision(document), expecting: base, actor: caller.actor)
        let location = Paths.revision(name, result.revision.number)
        let headers = [
            (result.created ? "Location" : "Content-Location", location), ("ETag", EntityTag.strong(result.revision.digest)),
        ]
        return .json(Representations.revision(result.revision), status: result.created ? .created : .ok, headers: headers)
    }

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let limit = try RequestParameters.limit(request)
        let page = try store.listSpecs(limit: limit, after: try RequestParameters.cursor(request))
        let next = page.nextCursor.map(PageCursor.encode)
        return .json(
            Representations.page(items: page.items.map(Representations.spec), nextCursor: next),
            headers: next.map { [("Link", RequestParameters.nextLink(path: "/v1/specs", cursor: $0, limit: limit))] } ?? [])
    }

    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        guard let summary = try store.spec(named: name) else { throw StoreError.specNotFound(name: name) }
        return .json(Representations.spec(summary), headers: [("ETag", EntityTag.strong(summary.latestDigest))])
    }

    func listRevisions(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        let limit = try RequestParameters.limit(request)
        var after: Int?
        if let cursor = try RequestParameters.cursor(request) {
            guard let number = Int(cursor) else {
                throw APIError.invalidParameter(name: "cursor", value: cursor, reason: "not a revision cursor")
            }
            after = number
        }
        let page = try store.listRevisions(of: name, limit: limit, after: after)
        let next = page.nextCursor.map(PageCursor.encode)
        let path = Paths.revisions(name)
        return .json(
            Representations.page(items: page.items.map { Representations.revisionSummary($0, spec: name) }, nextCursor: next),
            headers: next.map { [("Link", RequestParameters.nextLink(path: path, cursor: $0, limit: limit))] } ?? [])
    }

    /// `GET /v1/specs/{name}/revisions/{n|latest}`: the document as posted. YAML or JSON by
    /// `Accept`, defaulting to the format it was posted in; the digest is the `ETag`.
    func showRevision(_ request: HTTPRequest) throws -> HTTPResponse {
        let record = try RevisionLookup.record(store: store, request: request)
        let headers = [
            ("ETag", EntityTag.strong(record.digest)), ("Content-Location", Paths.revision(record.specName, record.number)),
            ("Vary", "Accept"),
        ]
        let posted: MediaType = record.format == .json ? .json : .yaml
        let selected = try ContentNegotiation.select(
            accept: request.headers["Accept"], offers: [.yaml, .json], defaultOffer: posted)
        if EntityTag.noneMatch(request.headers["If-None-Match"], digest: record.digest) {
            return .notModified(headers: headers)
        }
        return .text(try DocumentRepresentation.text(of: record, as: selected), mediaType: selected, headers: headers)
    }

    private func expectedBase(_ request: HTTPRequest) throws(APIError) -> ExpectedBase? {
        let ifMatch = request.headers["If-Match"]
        let baseRevision = request.queryValue("baseRevision")
        if ifMatch != nil, baseRevision != nil {
            throw .invalidParameter(
                name: "baseRevision", value: baseRevision ?? "",
                reason: "give either If-Match or baseRevision, not both")
        }
        if let ifMatch, let digest = try EntityTag.ifMatchDigest(ifMatch) { return .digest(digest) }
        if let baseRevision {
            guard let number = try RequestParameters.revision(baseRevision, parameter: "baseRevision") else {
                throw .invalidParameter(name: "baseRevision", value: baseRevision, reason: "expected a revision number")
            }
            return .number(number)
        }
        return nil
    }
}

extension NewRevision {
    init(_ document: SpecDocument) {
        self.init(
            name: document.name, format: DocumentFormat(document.format), source: document.source,
            canonical: document.canonicalJSON, digest: document.digest)
    }
}
