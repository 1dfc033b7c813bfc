import TrafficCore

/// Errors raised by the API layer itself (as opposed to the store or the core).
///
/// Each case carries what a client needs to fix the request: the parameter, the value, the
/// accepted alternatives. `ErrorMapping` turns them into statuses and problem bodies.
enum APIError: Error, Sendable, Equatable {
    /// A query or path parameter is malformed.
    case invalidParameter(name: String, value: String, reason: String)
    /// A request header is malformed.
    case invalidHeader(name: String, reason: String)
    /// The body's media type is not one this endpoint reads.
    case unsupportedMediaType(received: String, supported: [String])
    /// None of the representations this endpoint offers is acceptable to the client.
    case notAcceptable(offered: [String])
    /// The body is required but empty.
    case emptyBody
    /// The body is not well-formed YAML/JSON.
    case malformedBody(DocumentError)
    /// The spec in the body is well-formed but invalid; every problem is listed.
    case invalidContent([FieldError])
    /// A request object other than a spec (a token, a rollout) has invalid fields; every
    /// problem is listed.
    case invalidRequest([FieldError])
    /// The revision a conditional request names is not the current one.
    case preconditionFailed(detail: String)
    /// No credentials, or credentials that do not name an active token (401).
    case unauthenticated(reason: String)
    /// No environment has this name (it was never declared or used).
    case environmentNotFound(name: String)
    /// The spec has no rollout with this id.
    case rolloutNotFound(spec: String, id: Int64)
    /// The revision's manifests have validation errors and the rollout was not forced (422).
    case rolloutBlocked(spec: String, revision: Int, environment: String, findings: [Finding])
    /// The promotion order requires the revision to have run in `requiredEnvironment` first.
    case promotionRequired(spec: String, revision: Int, environment: String, requiredEnvironment: String)
    /// A rollback names a revision it cannot return to: `reason` says why.
    case invalidRollbackTarget(spec: String, revision: Int, environment: String, reason: String)
    /// A valid token whose role does not grant what the route needs (403).
    case forbidden(role: String, needed: String)
}
