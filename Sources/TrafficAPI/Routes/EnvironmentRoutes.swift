import MiniHTTP
import TrafficCore
import TrafficStore

/// What runs where: every environment with, for each spec, the rollout that put its current
/// revision there.
struct EnvironmentRoutes: Sendable {
    let store: SpecStore

    func register(on api: inout APIRouter) {
        api.add(.get, "/v1/environments", .read, list)
        api.add(.get, "/v1/environments/{environment}", .read, show)
    }

    /// `GET /v1/environments`, by name. Environments are few, so there is no pagination.
    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        .json(.object(["items": .array(try store.environments().map(Representations.environment))]))
    }

    /// `GET /v1/environments/{environment}`.
    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = request.pathParameters["environment"] ?? ""
        if let problem = DNSName.labelProblem(name) {
            throw APIError.invalidParameter(name: "environment", value: name, reason: "environment name \(problem)")
        }
        guard let record = try store.environment(name: name) else { throw APIError.environmentNotFound(name: name) }
        return .json(Representations.environment(record))
    }
}
