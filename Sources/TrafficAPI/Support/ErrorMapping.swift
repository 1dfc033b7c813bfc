import MiniHTTP
import TrafficCore
import TrafficStore

/// The one place where errors become HTTP statuses and RFC 9457 problem documents.
///
/// Every error any layer can throw at a handler is listed here exhaustively; anything else is
/// a bug and becomes a 500 whose detail reveals nothing (the full error goes to the log).
enum ErrorMapping {
    struct Mapped {
        var problem: ProblemDetails
        var headers: [(String, String)] = []
        /// False for errors the client did not cause (worth logging at error level).
        var isClientError: Bool { problem.status < 500 }
    }

    static func map(_ error: any Error) -> Mapped {
        switch error {
        case let error as APIError: map(error)
        case let error as StoreError: map(error)
        case let error as SpecDocument.Failure: map(error)
        case let error as DocumentError: map(APIError.malformedBody(error))
        default:
            Mapped(problem: problem(500, "internal-error", "Internal server error",
                "the server failed to handle the request; quote the requestId when reporting it"))
        }
    }

    private static func map(_ error: APIError) -> Mapped {
        switch error {
        case .invalidParameter(let name, let value, let reason):
            var result = problem(400, "invalid-parameter", "Invalid parameter",
                "parameter '\(name)' has an invalid value '\(clip(value))': \(reason)")
            result.errors = [.init(path: name, message: reason)]
            return Mapped(problem: result)
        case .invalidHeader(let name, let reason):
            return Mapped(problem: problem(400, "invalid-header", "Invalid header", "header \(name): \(reason)"))
        case .unsupportedMediaType(let received, let supported):
            return Mapped(
                problem: problem(415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type '\(clip(received))' is not supported here; send one of: \(supported.joined(separator: ", "))"),
                headers: [("Accept-Post", supported.joined(separator: ", "))])
        case .notAcceptable(let offered):
            return Mapped(problem: problem(406, "not-acceptable", "Not acceptable",
                "no acceptable representation; this resource is available as: \(offered.joined(separator: ", "))"))
        case .emptyBody:
            return Mapped(problem: problem(400, "empty-body", "Empty body", "the request needs a YAML or JSON body"))
        case .malformedBody(let documentError):
            var result = problem(400, "malformed-document", "Malformed document", documentError.message)
            result.errors = [
                .init(path: "", message: documentError.message, line: documentError.location?.line,
                    column: documentError.location?.column)
            ]
            return Mapped(problem: result)
        case .invalidContent(let errors):
            var result = problem(422, "invalid-spec", "Invalid spec",
                errors.count == 1 ? "the spec has 1 error" : "the spec has \(errors.count) errors")
            result.errors = errors.map(ProblemDetails.FieldIssue.init)
            return Mapped(problem: result)
        case .invalidRequest(let errors):
            var result = problem(422, "invalid-request", "Invalid request",
                errors.count == 1 ? "the request has 1 invalid field" : "the request has \(errors.count) invalid fields")
            result.errors = errors.map(ProblemDetails.FieldIssue.init)
            return Mapped(problem: result)
        case .environmentNotFound(let name):
            return Mapped(problem: problem(404, "environment-not-found", "Environment not found",
                "no environment named '\(name)'; environments are created by their first rollout or declared with serve --environment"))
        case .rolloutNotFound(let spec, let id):
            return Mapped(problem: problem(404, "rollout-not-found", "Rollout not found", "spec '\(spec)' has no rollout \(id)"))
        case .rolloutBlocked(let spec, let revision, let environment, let findings):
            let errors = findings.filter { $0.severity == .error }
            var result = problem(422, "rollout-blocked", "Rollout blocked by validation errors",
                "revision \(revision) of '\(spec)' renders manifests with \(errors.count) validation error\(errors.count == 1 ? "" : "s"); "
                    + "fix the spec, or send force: true with a reason to roll it out to '\(environment)' anyway")
            result.errors = errors.map { finding in
                ProblemDetails.FieldIssue(
                    path: (finding.resource.map { $0.label + " " } ?? "") + finding.path, message: finding.message,
                    line: finding.location?.line, column: finding.location?.column, code: finding.code)
            }
            result.extensions = [("validation", .string(Paths.revision(spec, revision) + "/validation"))]
            return Mapped(problem: result)
        case .promotionRequired(let spec, let revision, let environment, let required):
            var result = problem(409, "promotion-required", "Promotion order not followed",
                "revision \(revision) of '\(spec)' must run in '\(required)' before it can be rolled out to '\(environment)'")
            result.extensions = [("requiredEnvironment", .string(required))]
            return Mapped(problem: result)
        case .invalidRollbackTarget(let spec, let revision, let environment, let reason):
            return Mapped(problem: problem(409, "invalid-rollback-target", "Invalid rollback target",
                "cannot roll '\(spec)' in '\(environment)' back to revision \(revision): \(reason)"))
        case .preconditionFailed(let detail):
            return Mapped(problem: problem(412, "precondition-failed", "Precondition failed", detail))
        case .unauthenticated(let reason):
            return Mapped(
                problem: problem(401, "unauthenticated", "Authentication required", reason),
                headers: [("WWW-Authenticate", "Bearer realm=\"trafficspec\"")])
        case .forbidden(let role, let needed):
            return Mapped(problem: problem(
                403, "forbidden", "Forbidden", "a \(role) token may not do this; it needs the \(needed) permission"))
        }
    }

    private static func map(_ error: StoreError) -> Mapped {
        switch error {
        case .specNotFound(let name):
            return Mapped(problem: problem(404, "spec-not-found", "Spec not found", "no spec named '\(name)'"))
        case .revisionNotFound(let name, let number):
            return Mapped(problem: problem(404, "revision-not-found", "Revision not found",
                "spec '\(name)' has no revision \(number)"))
        case .specAlreadyExists(let name):
            return Mapped(problem: problem(409, "spec-exists", "Spec already exists",
                "a spec named '\(name)' already exists; add a revision with POST /v1/specs/\(name)/revisions"))
        case .preconditionFailed(let name, let expected, let latestNumber, let latestDigest):
            var result = problem(412, "stale-base-revision", "Precondition failed",
                "spec '\(name)' has moved on: you based your change on \(expected), but the latest is revision \(latestNumber) (digest \(latestDigest))")
            result.extensions = [
                ("latestRevision", .integer(Int64(latestNumber))), ("latestDigest", .string(latestDigest)),
            ]
            return Mapped(problem: result)
        case .tokenAlreadyExists(let name):
            return Mapped(problem: problem(409, "token-exists", "Token already exists", "a token named '\(name)' already exists"))
        case .invalidTokenName(let name, let reason):
            return fieldProblem(422, "invalid-token", "Invalid token", path: "name",
                message: "token name '\(clip(name))' \(reason)")
        case .invalidTokenExpiry(let name, _):
            return fieldProblem(422, "invalid-token", "Invalid token", path: "expiresAt",
                message: "the expiry of token '\(name)' must be in the future")
        case .tokenNotFound(let id):
            return Mapped(problem: problem(404, "token-not-found", "Token not found", "no token with id \(id)"))
        case .tokenAlreadyRevoked(let id, let name):
            return Mapped(problem: problem(409, "token-revoked", "Token already revoked",
                "token \(id) ('\(name)') was revoked before"))
        case .invalidEnvironmentName(let name, let reason):
            return fieldProblem(422, "invalid-environment", "Invalid environment", path: "environment",
                message: "environment '\(clip(name))' \(reason)")
        case .forcedRolloutWithoutReason(let spec, let environment):
            return fieldProblem(422, "reason-required", "Reason required", path: "reason",
                message: "a forced rollout of '\(spec)' to '\(environment)' must give a reason")
        case .nothingToRollBack(let spec, let environment):
            return Mapped(problem: problem(409, "nothing-to-roll-back", "Nothing to roll back",
                "spec '\(spec)' has no earlier revision to return to in environment '\(environment)'"))
        case .rolloutConflict(let spec, let environment, let expected, let current):
            return Mapped(problem: problem(409, "rollout-conflict", "Rollout conflict",
                "environment '\(environment)' no longer runs revision \(expected) of '\(spec)'; it runs "
                    + (current.map { "revision \($0)" } ?? "nothing")))
        case .invalidManifestsDigest:
            // The API computes the digest itself, so this is a server bug, not the client's.
            return Mapped(problem: problem(500, "internal-error", "Internal server error",
                "the server failed to handle the request; quote the requestId when reporting it"))
        case .busy(let retryAfter):
            return Mapped(
                problem: problem(503, "busy", "Service busy", "the database is busy; retry after \(retryAfter) s"),
                headers: [("Retry-After", String(retryAfter))])
        case .databaseIsNewer(let unknown):
            return Mapped(problem: problem(503, "database-newer", "Database is newer than this server",
                "the database has migrations this server does not know: \(unknown.joined(separator: ", "))"))
        case .invalidPageLimit(let limit):
            return map(APIError.invalidParameter(name: "limit", value: String(limit), reason: "must be at least 1"))
        case .notReady:
            return Mapped(problem: problem(503, "not-ready", "Not ready",
                "the database is not ready to serve; see the server log"))
        case .storage, .migrationFailed:
            return Mapped(problem: problem(500, "storage-error", "Storage error",
                "the database reported an error; quote the requestId when reporting it"))
        }
    }

    private static func map(_ error: SpecDocument.Failure) -> Mapped {
        switch error {
        case .malformed(let documentError): map(APIError.malformedBody(documentError))
        case .invalid(let errors): map(APIError.invalidContent(errors))
        }
    }

    /// A problem about one request field, with the field's path in `errors[]`.
    private static func fieldProblem(_ status: Int, _ slug: String, _ title: String, path: String, message: String) -> Mapped {
        var result = problem(status, slug, title, message)
        result.errors = [.init(path: path, message: message)]
        return Mapped(problem: result)
    }

    private static func problem(_ status: Int, _ slug: String, _ title: String, _ detail: String) -> ProblemDetails {
        ProblemDetails(type: "urn:trafficspec:problem:\(slug)", title: title, status: status, detail: detail)
    }

    private static func clip(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }
}
