import MiniHTTP
import TrafficCore
import TrafficStore

/// `…/diff`: what changed between two revisions, or what a candidate spec would change.
struct DiffRoutes: Sendable {
    let store: SpecStore

    func register(on api: inout APIRouter) {
        api.add(.get, "/v1/specs/{name}/diff", .read, diffRevisions)
        api.add(.post, "/v1/specs/{name}/diff", .read, diffCandidate)
    }

    /// `GET /v1/specs/{name}/diff?from=A&to=B`: A and B are revision numbers or `latest`.
    func diffRevisions(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        let old = try revision(name, parameter: "from", request: request)
        let new = try revision(name, parameter: "to", request: request)
        return try respond(
            request, name: name,
            old: DiffSide(label: "\(name)@\(old.number)", source: try old.parsedRoot()),
            new: DiffSide(label: "\(name)@\(new.number)", source: try new.parsedRoot()))
    }

    /// `POST /v1/specs/{name}/diff`: the candidate in the body against `?from=` (default
    /// `latest`), without storing anything — "what would this change do?".
    func diffCandidate(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        let (document, _) = try RequestBody.validatedSpec(of: request)
        let old = try revision(name, parameter: "from", request: request, defaultLatest: true)
        return try respond(
            request, name: name,
            old: DiffSide(label: "\(name)@\(old.number)", source: try old.parsedRoot()),
            new: DiffSide(label: "\(name)@candidate", source: document.root))
    }

    private struct DiffSide {
        var label: String
        var source: SourceNode
    }

    private enum Subject: String { case manifests, spec }

    private func respond(_ request: HTTPRequest, name: String, old: DiffSide, new: DiffSide) throws -> HTTPResponse {
        let subject = try self.subject(request)
        let format = try DiffFormat.select(request)
        let context = try contextLines(request)
        let diff: ManifestDiff
        let unified: () -> String
        switch subject {
        case .spec:
            let before = old.source.jsonValue
            let after = new.source.jsonValue
            diff = SpecDiffer.diff(old: before, new: after, name: name)
            unified = {
                UnifiedDiff.spec(old: before, new: after, oldLabel: old.label, newLabel: new.label, context: context)
            }
        case .manifests:
            // Rendered without revision annotations: they differ between any two revisions and
            // would mark every object as changed.
            let before = try Self.render(old.source)
            let after = try Self.render(new.source)
            diff = ManifestDiffer.diff(old: before, new: after)
            unified = {
                UnifiedDiff.manifests(old: before, new: after, oldLabel: old.label, newLabel: new.label, context: context)
            }
        }
        let headers = [("X-Changed-Resources", String(diff.changedResourceCount)), ("Vary", "Accept")]
        switch format {
        case .unified: return .text(unified(), mediaType: DiffFormat.unified.mediaType, headers: headers)
        case .json: return .json(diff.json(), headers: headers)
        case .patch:
            return .text(
                diff.jsonPatch().serialized(.init(pretty: true)), mediaType: DiffFormat.patch.mediaType, headers: headers)
        }
    }

    private static func render(_ root: SourceNode) throws -> [Manifest] {
        ManifestRenderer.render(try SpecDecoding.spec(from: root), context: .stateless)
    }

    private func revision(_ name: String, parameter: String, request: HTTPRequest, defaultLatest: Bool = false) throws
        -> RevisionRecord
    {
        guard let text = request.queryValue(parameter) ?? (defaultLatest ? "latest" : nil) else {
            throw APIError.invalidParameter(
                name: parameter, value: "", reason: "required: a revision number or 'latest'")
        }
        return try RevisionLookup.record(store: store, name: name, selector: text, parameter: parameter)
    }

    private func subject(_ request: HTTPRequest) throws(APIError) -> Subject {
        guard let text = request.queryValue("of") else { return .manifests }
        guard let subject = Subject(rawValue: text) else {
            throw .invalidParameter(name: "of", value: text, reason: "expected 'manifests' or 'spec'")
        }
        return subject
    }

    private func contextLines(_ request: HTTPRequest) throws(APIError) -> Int {
        guard let text = request.queryValue("context") else { return 3 }
        guard let lines = Int(text), (0...1000).contains(lines) else {
            throw .invalidParameter(name: "context", value: text, reason: "expected an integer from 0 to 1000")
        }
        return lines
    }
}

/// The three renderings of a diff, chosen by `?format=` or else by `Accept`.
enum DiffFormat: String, CaseIterable {
    case unified, json, patch

    var mediaType: MediaType {
        switch self {
        case .unified: MediaType(type: "text", subtype: "x-diff")
        case .json: .json
        case .patch: MediaType(type: "application", subtype: "json-patch+json")
        }
    }

    static func select(_ request: HTTPRequest) throws(APIError) -> DiffFormat {
        if let text = request.queryValue("format") {
            guard let format = DiffFormat(rawValue: text) else {
                throw .invalidParameter(name: "format", value: text, reason: "expected 'unified', 'json' or 'patch'")
            }
            return format
        }
        let offers = allCases.map(\.mediaType)
        let chosen = try ContentNegotiation.select(
            accept: request.headers["Accept"], offers: offers + [.plainText], defaultOffer: DiffFormat.unified.mediaType)
        return allCases.first { $0.mediaType.essence == chosen.essence } ?? .unified
    }
}
