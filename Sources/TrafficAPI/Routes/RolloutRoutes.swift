import MiniHTTP
import TrafficCore
import TrafficStore

/// Rollouts and rollbacks of a spec's revisions to environments (deployer role), and their
/// history (read).
struct RolloutRoutes: Sendable {
    let store: SpecStore
    let deployer: Deployer

    /// Reasons are for people reading the history; a longer text is a mistake (a pasted log).
    static let maxReasonLength = 1024

    func register(on api: inout APIRouter) {
        api.add(.post, "/v1/specs/{name}/rollouts", .deploy, rollOut)
        api.add(.get, "/v1/specs/{name}/rollouts", .read, list)
        api.add(.get, "/v1/specs/{name}/rollouts/{id}", .read, show)
        api.add(.post, "/v1/specs/{name}/rollback", .deploy, rollBack)
    }

    /// `POST /v1/specs/{name}/rollouts` with `{revision, environment, reason, force?}`;
    /// `revision` is a number or `latest`.
    func rollOut(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        var fields = RequestFields(try RequestBody.tree(of: request), known: ["revision", "environment", "reason", "force"])
        let selector = fields.revisionSelector("revision")
        let common = Self.commonFields(&fields)
        try fields.finish()
        guard let selector, let common else { throw APIError.invalidRequest(fields.errors) }
        let record = try deployer.rollOut(
            spec: name, selector: selector, environment: common.environment, reason: common.reason,
            force: common.force, actor: caller.actor)
        return Self.created(record)
    }

    /// `POST /v1/specs/{name}/rollback` with `{environment, reason, revision?, force?}`.
    func rollBack(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        var fields = RequestFields(try RequestBody.tree(of: request), known: ["environment", "reason", "revision", "force"])
        let revision = fields.positiveInteger("revision", required: false)
        let common = Self.commonFields(&fields)
        try fields.finish()
        guard let common else { throw APIError.invalidRequest(fields.errors) }
        let record = try deployer.rollBack(
            spec: name, to: revision, environment: common.environment, reason: common.reason, force: common.force,
            actor: caller.actor)
        return Self.created(record)
    }

    /// `GET /v1/specs/{name}/rollouts?environment=`: oldest first, paginated.
    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        let environment = try RequestParameters.label(request, query: "environment")
        let limit = try RequestParameters.limit(request)
        let after = try RequestParameters.idCursor(request, of: "a rollout")
        let page = try store.rollouts(spec: name, environment: environment, limit: limit, after: after)
        let next = page.nextCursor.map(PageCursor.encode)
        let filter = environment.map { "&environment=\($0)" } ?? ""
        let link = next.map { "<\(Paths.rollouts(name))?limit=\(limit)&cursor=\($0)\(filter)>; rel=\"next\"" }
        return .json(
            Representations.page(items: page.items.map(Representations.rollout), nextCursor: next),
            headers: link.map { [("Link", $0)] } ?? [])
    }

    /// `GET /v1/specs/{name}/rollouts/{id}`.
    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        let text = request.pathParameters["id"] ?? ""
        guard let id = Int64(text), id > 0, text.allSatisfy(\.isASCII) else {
            throw APIError.invalidParameter(name: "id", value: text, reason: "expected a rollout id (a positive integer)")
        }
        guard let record = try store.rollout(spec: name, id: id) else { throw APIError.rolloutNotFound(spec: name, id: id) }
        return .json(Representations.rollout(record))
    }

    /// 201 with the rollout and where it lives; `X-Apply-Status` lets a script see a failed
    /// apply without parsing the body.
    private static func created(_ record: RolloutRecord) -> HTTPResponse {
        var headers = [("Location", Paths.rollout(record.spec, record.id))]
        if let apply = record.apply { headers.append(("X-Apply-Status", apply.status.rawValue)) }
        return .json(Representations.rollout(record), status: .created, headers: headers)
    }

    private struct CommonFields {
        var environment: String
        var reason: String
        var force: Bool
    }

    /// `environment` (a DNS-1123 label), `reason` (required, 1…1024 characters, not blank) and
    /// `force` (default false).
    private static func commonFields(_ fields: inout RequestFields) -> CommonFields? {
        let environment = fields.string("environment", required: true)
        if let environment, let problem = DNSName.labelProblem(environment) {
            fields.fail("environment", "environment name \(problem)")
        }
        let reason = fields.string("reason", required: true)
        if let reason {
            if reason.allSatisfy(\.isWhitespace) {
                fields.fail("reason", "must say why, in at least one non-blank character")
            } else if reason.unicodeScalars.count > maxReasonLength {
                // Counted in code points, as the contract's maxLength (JSON Schema) counts.
                fields.fail("reason", "is \(reason.unicodeScalars.count) characters long; the limit is \(maxReasonLength)")
            }
        }
        let force = fields.bool("force") ?? false
        guard let environment, let reason, fields.errors.isEmpty else { return nil }
        return CommonFields(environment: environment, reason: reason, force: force)
    }
}
