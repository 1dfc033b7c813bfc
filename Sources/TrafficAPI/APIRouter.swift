import Logging
import MiniHTTP

/// Registers throwing handlers on the HTTP router: every error a handler throws is turned
/// into a problem response by `ErrorMapping` here, and every response is counted by route.
struct APIRouter {
    typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse
    /// A handler that needs to know who is calling (writes record the caller as the actor).
    typealias CallerHandler = @Sendable (HTTPRequest, Caller) throws -> HTTPResponse

    private(set) var router: Router
    let metrics: APIMetrics
    let logger: Logger
    let access: AccessControl

    init(metrics: APIMetrics, logger: Logger, access: AccessControl) {
        self.metrics = metrics
        self.logger = logger
        self.access = access
        router = Router(
            notFound: { request in
                metrics.record(route: "unmatched", method: request.method.rawValue, status: 404)
                return .problem(ProblemDetails(
                    type: "urn:trafficspec:problem:not-found", title: "Not found", status: 404,
                    detail: "no resource at \(request.path.prefix(200))", requestID: request.requestID))
            },
            methodNotAllowed: { request, allowed in
                metrics.record(route: "unmatched", method: request.method.rawValue, status: 405)
                let allow = allowed.map(\.rawValue).joined(separator: ", ")
                return .problem(
                    ProblemDetails(
                        type: "urn:trafficspec:problem:method-not-allowed", title: "Method not allowed", status: 405,
                        detail: "\(request.method.rawValue) is not allowed here; allowed: \(allow)",
                        requestID: request.requestID),
                    headers: [("Allow", allow)])
            })
    }

    /// Registers `handler`; the caller must hold `permission` (checked before the handler runs).
    mutating func add(_ method: HTTPMethod, _ template: String, _ permission: Permission, _ handler: @escaping Handler) {
        add(method, template, permission) { request, _ in try handler(request) }
    }

    /// Registers `handler`, which receives the caller that `permission` was checked against:
    /// authentication happens once per request, here.
    mutating func add(_ method: HTTPMethod, _ template: String, _ permission: Permission, _ handler: @escaping CallerHandler) {
        let metrics = metrics
        let logger = logger
        let access = access
        router.add(method, template) { request in
            let response: HTTPResponse
            do {
                let caller = Caller(token: try access.authorize(request, for: permission))
                response = try handler(request, caller)
            } catch {
                let mapped = ErrorMapping.map(error)
                var problem = mapped.problem
                problem.requestID = request.requestID
                if !mapped.isClientError {
                    logger.error(
                        "request failed",
                        metadata: ["request_id": "\(request.requestID)", "route": "\(template)", "error": "\(error)"])
                }
                response = .problem(problem, headers: mapped.headers)
            }
            metrics.record(route: template, method: method.rawValue, status: response.status.code)
            return response
        }
    }
}
