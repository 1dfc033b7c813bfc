/// A parsed and validated request head: request line, header fields and what they imply.
struct HTTPRequestHead: Sendable {
    var method: HTTPMethod
    var target: String
    var parsedTarget: HTTPRequestTarget
    var version: HTTPVersion
    var headers: HTTPHeaders
    /// How the body is delimited (RFC 9112 §6.3).
    var framing: BodyFraming
    /// `Expect: 100-continue` was sent (any other expectation is rejected with 417).
    var expectsContinue: Bool
    /// Whether the client lets the connection persist after this request (RFC 9112 §9.3).
    var clientWantsKeepAlive: Bool

    /// How a request body is delimited.
    enum BodyFraming: Sendable, Hashable {
        /// No `Content-Length` and no `Transfer-Encoding`: RFC 9112 §6.3 rule 7, length zero.
        case none
        /// A single valid `Content-Length`.
        case contentLength(Int)
        /// `Transfer-Encoding: chunked`.
        case chunked

        var hasBody: Bool {
            switch self {
            case .none: false
            case .contentLength(let length): length > 0
            case .chunked: true
            }
        }
    }
}
