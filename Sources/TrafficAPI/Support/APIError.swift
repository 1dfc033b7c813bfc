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
    /// The body is well-formed but its content is invalid; every problem is listed.
    case invalidContent([FieldError])
    /// The revision a conditional request names is not the current one.
    case preconditionFailed(detail: String)
    /// No credentials, or credentials that do not name an active token (401).
    case unauthenticated(reason: String)
    /// A valid token whose role does not grant what the route needs (403).
    case forbidden(role: String, needed: String)
}
