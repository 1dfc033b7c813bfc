import MiniHTTP
import TrafficCore
import TrafficStore

/// Manifest validation: of any manifests posted, or of what a stored revision renders to.
struct ValidationRoutes: Sendable {
    let store: SpecStore
    let validator: ManifestValidator
    let cache: RenderedRevisionCache

    func register(on api: inout APIRouter) {
        api.add(.post, "/v1/validate", .read, validate)
        api.add(.get, "/v1/specs/{name}/revisions/{revision}/validation", .read, revisionValidation)
    }

    /// `POST /v1/validate`: a YAML stream, JSON object or `List` in; the report out. Findings
    /// are the answer, not a failure, so the status is 200 whatever they say; `valid` and the
    /// `X-Validation-Errors` header tell a script the outcome. `?strict=true` makes warnings fail.
    func validate(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try RequestBody.formatOfRequiredBody(request)
        let report = validator.validate(bytes: request.body, source: try Self.sourceName(request))
        return try respond(with: report, to: request, extraHeaders: [])
    }

    /// `GET …/revisions/{n}/validation`: the revision's rendered manifests (the YAML that
    /// `…/manifests` serves, whose lines the findings point at) through the validator.
    func revisionValidation(_ request: HTTPRequest) throws -> HTTPResponse {
        let entry = try RevisionLookup.rendered(store: store, cache: cache, request: request)
        let report = entry.validation(by: validator)
        return try respond(
            with: report, to: request,
            extraHeaders: [("Content-Location", Paths.revision(entry.specName, entry.number) + "/validation")])
    }

    /// `?source=`: the name findings carry; one printable line of at most 256 characters, so
    /// the one-line text format stays one line per finding.
    static func sourceName(_ request: HTTPRequest) throws(APIError) -> String {
        guard let source = request.queryValue("source") else { return "-" }
        guard !source.isEmpty, source.unicodeScalars.count <= 256, !source.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw .invalidParameter(name: "source", value: String(source.prefix(64)), reason: "expected 1 to 256 printable characters")
        }
        return source
    }

    private func respond(with report: ValidationReport, to request: HTTPRequest, extraHeaders: [(String, String)]) throws
        -> HTTPResponse
    {
        let strict = try RequestParameters.flag(request, "strict")
        let selected = try ContentNegotiation.select(
            accept: request.headers["Accept"], offers: [.json, .plainText, .junitXML], defaultOffer: .json)
        let headers = [
            ("Vary", "Accept"),
            ("X-Validation-Errors", String(report.count(.error))),
            ("X-Validation-Warnings", String(report.count(.warning))),
        ] + extraHeaders
        switch (selected.type, selected.subtype) {
        case ("text", _): return .text(report.text(), mediaType: .plainText, headers: headers)
        case (_, "xml"): return .text(report.junit(strict: strict), mediaType: .junitXML, headers: headers)
        default: return .json(report.json(strict: strict), headers: headers)
        }
    }
}
