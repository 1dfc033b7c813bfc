/// A response produced by a handler.
///
/// The server adds `Content-Length`, `Date`, `Connection` and `X-Request-Id` itself; values a
/// handler sets for those names are replaced.
public struct HTTPResponse: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// The header fields, in the order they will be written.
    public var headers: HTTPHeaders
    /// The body; dropped on the wire for HEAD requests and for 1xx, 204 and 304 responses.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
