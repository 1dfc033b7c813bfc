import MiniHTTP
import TrafficCore
import TrafficStore

/// Liveness, readiness, metrics and the API contract.
struct OperationsRoutes: Sendable {
    let store: SpecStore
    let metrics: APIMetrics
    let openAPIDocument: String
    let serverStatistics: @Sendable () -> HTTPServerStatistics?
    /// Requests refused for missing, malformed, unknown, expired or revoked credentials.
    let failedAuthentications: @Sendable () -> Int
    let version: String

    func register(on api: inout APIRouter) {
        api.add(.get, "/healthz", .open, health)
        api.add(.get, "/readyz", .open, readiness)
        api.add(.get, "/metrics", .open, metricsText)
        api.add(.get, "/openapi.yaml", .open, openAPI)
    }

    /// The process is up and serving; says nothing about its dependencies (that is `/readyz`).
    func health(_ request: HTTPRequest) throws -> HTTPResponse {
        .json(["status": "ok", "version": .string(version)])
    }

    /// Ready when the database answers a read and every known migration is applied.
    func readiness(_ request: HTTPRequest) throws -> HTTPResponse {
        try store.checkReadiness()
        return .json(["status": "ready"])
    }

    func openAPI(_ request: HTTPRequest) throws -> HTTPResponse {
        .text(openAPIDocument, mediaType: MediaType(type: "application", subtype: "yaml"))
    }

    /// Prometheus text exposition format 0.0.4.
    func metricsText(_ request: HTTPRequest) throws -> HTTPResponse {
        var lines: [String] = []
        lines.append("# HELP trafficspec_build_info Build information.")
        lines.append("# TYPE trafficspec_build_info gauge")
        lines.append("trafficspec_build_info{version=\"\(version)\"} 1")
        lines.append("# HELP trafficspec_api_responses_total API responses by route template, method and status.")
        lines.append("# TYPE trafficspec_api_responses_total counter")
        for (key, count) in metrics.snapshot() {
            lines.append(
                "trafficspec_api_responses_total{route=\"\(key.route)\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)"
            )
        }
        lines.append("# HELP trafficspec_auth_failures_total Requests refused for bad or unknown credentials.")
        lines.append("# TYPE trafficspec_auth_failures_total counter")
        lines.append("trafficspec_auth_failures_total \(failedAuthentications())")
        if let stats = serverStatistics() {
            let gauges: [(String, String, String, Int)] = [
                ("trafficspec_http_connections_accepted_total", "counter", "Connections accepted.", stats.connectionsAccepted),
                ("trafficspec_http_connections_active", "gauge", "Connections open now.", stats.connectionsActive),
                ("trafficspec_http_requests_total", "counter", "Requests served.", stats.requestsServed),
                ("trafficspec_http_protocol_errors_total", "counter", "Requests refused for protocol errors.", stats.protocolErrors),
                ("trafficspec_http_accept_errors_total", "counter", "Failed accept() calls.", stats.acceptErrors),
            ]
            for (name, type, help, value) in gauges {
                lines.append("# HELP \(name) \(help)")
                lines.append("# TYPE \(name) \(type)")
                lines.append("\(name) \(value)")
            }
        }
        return .text(lines.joined(separator: "\n") + "\n", mediaType: .prometheusText)
    }
}
