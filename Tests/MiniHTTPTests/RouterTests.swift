import Testing
@testable import MiniHTTP

struct RouterTests {
    static func text(_ value: String) -> HTTPResponse {
        HTTPResponse(status: .ok, body: Array(value.utf8))
    }

    static let router: Router = {
        var router = Router()
        router.add(.get, "/") { _ in text("root") }
        router.add(.get, "/v1/specs") { _ in text("list") }
        router.add(.post, "/v1/specs") { _ in text("create") }
        router.add(.get, "/v1/specs/{name}") { request in text("spec \(request.pathParameters["name"] ?? "")") }
        router.add(.delete, "/v1/specs/{name}") { request in text("delete \(request.pathParameters["name"] ?? "")") }
        router.add(.get, "/v1/specs/new") { _ in text("literal new") }
        router.add(.get, "/v1/specs/{name}/revisions/{n}") { request in
            text("rev \(request.pathParameters["name"] ?? "") \(request.pathParameters["n"] ?? "")")
        }
        router.add(.put, "/v1/specs/{name}/status") { _ in text("status") }
        router.add(.get, "/v1/specs/new/revisions") { _ in text("new revisions") }
        return router
    }()

    static func call(_ method: HTTPMethod, _ target: String) throws -> HTTPResponse {
        router.handle(try HTTPRequest(method: method, target: target))
    }

    struct RouteCase: Sendable {
        var method: HTTPMethod
        var target: String
        var body: String
    }

    @Test(arguments: [
        RouteCase(method: .get, target: "/", body: "root"),
        RouteCase(method: .get, target: "/v1/specs", body: "list"),
        RouteCase(method: .post, target: "/v1/specs?x=1", body: "create"),
        RouteCase(method: .get, target: "/v1/specs/orders", body: "spec orders"),
        RouteCase(method: .get, target: "/v1/specs/a%20b", body: "spec a b"),
        RouteCase(method: .get, target: "/v1/specs/a%2Fb", body: "spec a/b"),
        RouteCase(method: .delete, target: "/v1/specs/orders", body: "delete orders"),
        RouteCase(method: .get, target: "/v1/specs/new", body: "literal new"),
        RouteCase(method: .get, target: "/v1/specs/orders/revisions/3", body: "rev orders 3"),
        RouteCase(method: .get, target: "/v1/specs/new/revisions/7", body: "rev new 7"),
        RouteCase(method: .get, target: "/v1/specs/new/revisions", body: "new revisions"),
    ])
    func routes(_ testCase: RouteCase) throws {
        let response = try Self.call(testCase.method, testCase.target)
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == testCase.body)
    }

    @Test(arguments: ["/nope", "/v1/specs/", "/v1/specs/a/b", "/v1//specs", "/v1/specs/orders/revisions/", "/v1/specs/orders/revisions"])
    func notFound(_ target: String) throws {
        let response = try Self.call(.get, target)
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""status":404"#))
    }

    @Test func methodNotAllowedListsSortedAllowWithHead() throws {
        let response = try Self.call(.patch, "/v1/specs/orders")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "DELETE, GET, HEAD")
        #expect(response.headers["Content-Type"] == "application/problem+json")

        let put = try Self.call(.get, "/v1/specs/x/status")
        #expect(put.status == .methodNotAllowed)
        #expect(put.headers["Allow"] == "PUT")

        let collection = try Self.call(.delete, "/v1/specs")
        #expect(collection.headers["Allow"] == "GET, HEAD, POST")
    }

    /// The path is resolved first (literal before parameter), then the method: a literal match
    /// without the method is a 405 rather than a fall-through to the parameter route.
    @Test func literalPathWithoutTheMethodIs405() throws {
        let response = try Self.call(.delete, "/v1/specs/new")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
    }

    @Test func headFallsBackToGet() throws {
        let response = try Self.call(.head, "/v1/specs/orders")
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == "spec orders")
    }

    @Test func explicitHeadHandlerWins() {
        var router = Router()
        router.add(.get, "/x") { _ in Self.text("get") }
        router.add(.head, "/x") { _ in Self.text("head") }
        let response = router.handle(try! HTTPRequest(method: .head, target: "/x"))
        #expect(String(decoding: response.body, as: UTF8.self) == "head")
    }

    @Test func customFallbacksAreUsed() throws {
        var router = Router(
            notFound: { _ in HTTPResponse(status: .notFound, body: Array("custom 404".utf8)) },
            methodNotAllowed: { _, allowed in
                HTTPResponse(status: .methodNotAllowed, body: Array(allowed.map(\.rawValue).joined(separator: "|").utf8))
            })
        router.add(.post, "/x") { _ in Self.text("post") }
        let missing = router.handle(try HTTPRequest(method: .get, target: "/y"))
        #expect(String(decoding: missing.body, as: UTF8.self) == "custom 404")
        let wrong = router.handle(try HTTPRequest(method: .get, target: "/x"))
        #expect(String(decoding: wrong.body, as: UTF8.self) == "POST")
        #expect(wrong.headers["Allow"] == "POST")
    }

    @Test func requestInitRejectsBadTargets() {
        #expect(throws: HTTPParseError.self) { try HTTPRequest(method: .get, target: "/a%zz") }
        #expect(throws: HTTPParseError.self) { try HTTPRequest(method: .get, target: "relative") }
        #expect(throws: HTTPParseError.self) { try HTTPRequest(method: .get, target: "*") }
    }
}
