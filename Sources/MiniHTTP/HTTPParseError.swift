/// Why a request could not be accepted, and the status the server answers with.
///
/// Every parse error ends the connection: once framing is in doubt the next byte cannot be
/// trusted to start a new request (RFC 9112 §11.2, request smuggling).
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status to answer with, for example 400, 413, 414, 431, 501 or 505.
    public let status: HTTPStatus
    /// A human-readable statement of the rule that was broken; sent as the problem `detail`.
    public let reason: String

    /// Creates a parse error.
    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }

    /// For example `400 Bad Request: bare LF in request head`.
    public var description: String { "\(status): \(reason)" }

    static func badRequest(_ reason: String) -> HTTPParseError {
        HTTPParseError(status: .badRequest, reason: reason)
    }
}
