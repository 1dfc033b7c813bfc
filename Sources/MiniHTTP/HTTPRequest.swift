/// One parsed request, handed to the handler.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target exactly as received (origin-form, absolute-form or `*`).
    public var target: String
    /// The path part of the target, percent-decoded. For absolute-form targets this is the path
    /// after the authority; for `*` it is `*`.
    public var path: String
    /// The path part of the target before percent-decoding.
    public var rawPath: String
    /// The query string split into form-decoded items, in order.
    public var queryItems: [HTTPQueryItem]
    /// The HTTP version of the request.
    public var version: HTTPVersion
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body, de-chunked if it was sent chunked.
    public var body: [UInt8]
    /// Values of `{param}` segments, filled by `Router`.
    public var pathParameters: [String: String]
    /// The request id: an accepted incoming `X-Request-Id` or a generated one.
    public var requestID: String
    /// The peer address as `ip:port` (`[ip]:port` for IPv6).
    public var remoteAddress: String

    /// Creates a request from its parts, parsing `target` exactly as the server does.
    ///
    /// Meant for tests and for callers that build requests by hand.
    /// - Throws: `HTTPParseError` (400) when the target is not origin-form, absolute-form or
    ///   `*` (OPTIONS only), or when its path has an invalid percent-escape or decodes to invalid
    ///   UTF-8.
    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        requestID: String = "",
        remoteAddress: String = ""
    ) throws(HTTPParseError) {
        let parsed = try HTTPRequestTarget(parsing: Array(target.utf8), method: method)
        self.init(
            method: method, target: target, parsedTarget: parsed, version: version,
            headers: headers, body: body, requestID: requestID, remoteAddress: remoteAddress)
    }

    init(
        method: HTTPMethod,
        target: String,
        parsedTarget: HTTPRequestTarget,
        version: HTTPVersion,
        headers: HTTPHeaders,
        body: [UInt8],
        requestID: String,
        remoteAddress: String
    ) {
        self.method = method
        self.target = target
        self.path = parsedTarget.path
        self.rawPath = parsedTarget.rawPath
        self.queryItems = parsedTarget.queryItems
        self.version = version
        self.headers = headers
        self.body = body
        self.pathParameters = [:]
        self.requestID = requestID
        self.remoteAddress = remoteAddress
    }

    /// The value of the first query item with this name, if any.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
