/// Dispatches requests to handlers by method and path template.
///
/// Templates are `/`-separated segments; `{name}` matches exactly one non-empty path segment
/// (after percent-decoding, so `%2F` stays inside one segment). Resolution first finds the path,
/// preferring a literal segment over a parameter at every level (backtracking when the literal
/// branch has no route), then the method: a known path with the wrong method is a 405.
public struct Router: Sendable {
    /// A request handler.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    private struct Node: Sendable {
        var literalChildren: [String: Int] = [:]
        var parameterChild: Int?
        var parameterName: String?
        var handlers: [HTTPMethod: Handler] = [:]
    }

    private var nodes: [Node] = [Node()]
    private let notFound: @Sendable (HTTPRequest) -> HTTPResponse
    private let methodNotAllowed: @Sendable (HTTPRequest, [HTTPMethod]) -> HTTPResponse

    /// Creates an empty router.
    /// - Parameters:
    ///   - notFound: builds the response when no template matches the path; defaults to a
    ///     problem+json 404.
    ///   - methodNotAllowed: builds the response when the path matches but the method does not;
    ///     receives the allowed methods (sorted, HEAD included when GET exists). The router sets
    ///     `Allow` on the result if the builder did not. Defaults to a problem+json 405.
    public init(
        notFound: @escaping @Sendable (HTTPRequest) -> HTTPResponse = Router.defaultNotFound,
        methodNotAllowed: @escaping @Sendable (HTTPRequest, [HTTPMethod]) -> HTTPResponse = Router.defaultMethodNotAllowed
    ) {
        self.notFound = notFound
        self.methodNotAllowed = methodNotAllowed
    }

    /// The default 404: problem+json naming the path.
    public static let defaultNotFound: @Sendable (HTTPRequest) -> HTTPResponse = { request in
        .problem(.notFound, detail: "no resource at '\(request.path)'")
    }

    /// The default 405: problem+json with `Allow` (RFC 9110 §15.5.6: the server "MUST generate
    /// an Allow header field").
    public static let defaultMethodNotAllowed: @Sendable (HTTPRequest, [HTTPMethod]) -> HTTPResponse = {
        request, allowed in
        .problem(
            .methodNotAllowed,
            detail: "method \(request.method) is not allowed on '\(request.path)'",
            headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
    }

    /// Registers `handler` for `method` on `template` (for example `/v1/specs/{name}`).
    ///
    /// Registering the same method and template twice, a template not starting with `/`, or an
    /// empty `{}` parameter is a programmer error and stops the process.
    public mutating func add(_ method: HTTPMethod, _ template: String, _ handler: @escaping Handler) {
        precondition(template.hasPrefix("/"), "route template must start with '/': \(template)")
        var current = 0
        for segment in Router.segments(of: template) {
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count >= 2 {
                let name = String(segment.dropFirst().dropLast())
                precondition(!name.isEmpty, "empty parameter name in route template \(template)")
                if let child = nodes[current].parameterChild {
                    precondition(
                        nodes[current].parameterName == name,
                        "conflicting parameter names at the same position in \(template)")
                    current = child
                } else {
                    nodes.append(Node())
                    nodes[current].parameterChild = nodes.count - 1
                    nodes[current].parameterName = name
                    current = nodes.count - 1
                }
            } else {
                let literal = String(segment)
                if let child = nodes[current].literalChildren[literal] {
                    current = child
                } else {
                    nodes.append(Node())
                    nodes[current].literalChildren[literal] = nodes.count - 1
                    current = nodes.count - 1
                }
            }
        }
        precondition(
            nodes[current].handlers[method] == nil, "route \(method) \(template) registered twice")
        nodes[current].handlers[method] = handler
    }

    /// Resolves the request, fills `pathParameters` and calls the handler, or answers 404/405.
    ///
    /// HEAD falls back to the GET handler (RFC 9110 §9.3.2: HEAD is GET without content; the
    /// server strips the body but keeps its `Content-Length`).
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let rawSegments = Router.segments(of: request.rawPath)
        var decodedSegments: [String] = []
        decodedSegments.reserveCapacity(rawSegments.count)
        for raw in rawSegments {
            if let bytes = PercentDecoding.decode(raw.utf8, plusAsSpace: false),
               let decoded = String(validating: bytes, as: UTF8.self) {
                decodedSegments.append(decoded)
            } else {
                return notFound(request)
            }
        }
        var parameters: [(String, String)] = []
        guard let nodeIndex = resolve(decodedSegments[...], from: 0, parameters: &parameters) else {
            return notFound(request)
        }
        let node = nodes[nodeIndex]
        let handler = node.handlers[request.method]
            ?? (request.method == .head ? node.handlers[.get] : nil)
        guard let handler else {
            let allowed = Router.allowedMethods(node.handlers.keys)
            var response = methodNotAllowed(request, allowed)
            if !response.headers.contains("Allow") {
                response.headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
            }
            return response
        }
        var routed = request
        for (name, value) in parameters { routed.pathParameters[name] = value }
        return handler(routed)
    }

    /// Depth-first search, literal before parameter, returning a node that has handlers.
    private func resolve(
        _ segments: ArraySlice<String>, from nodeIndex: Int, parameters: inout [(String, String)]
    ) -> Int? {
        let node = nodes[nodeIndex]
        guard let segment = segments.first else {
            return node.handlers.isEmpty ? nil : nodeIndex
        }
        let rest = segments.dropFirst()
        if let literal = node.literalChildren[segment],
           let found = resolve(rest, from: literal, parameters: &parameters) {
            return found
        }
        if !segment.isEmpty, let child = node.parameterChild, let name = node.parameterName {
            parameters.append((name, segment))
            if let found = resolve(rest, from: child, parameters: &parameters) { return found }
            parameters.removeLast()
        }
        return nil
    }

    /// Sorted for a stable `Allow`; HEAD is implied by GET.
    private static func allowedMethods(_ methods: some Sequence<HTTPMethod>) -> [HTTPMethod] {
        var set = Set(methods)
        if set.contains(.get) { set.insert(.head) }
        return set.sorted { $0.rawValue < $1.rawValue }
    }

    /// `/a/b` → `["a", "b"]`; `/` → `[]`; `/a/` → `["a", ""]`.
    private static func segments(of path: String) -> [Substring] {
        guard path != "/" else { return [] }
        var body = Substring(path)
        if body.hasPrefix("/") { body = body.dropFirst() }
        return body.split(separator: "/", omittingEmptySubsequences: false)
    }
}
