import Foundation
import Logging
import Synchronization
@testable import MiniHTTP

/// Test-only helpers.
enum TestSupport {
    static let quietLogger = Logger(label: "MiniHTTPTests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Short limits so timeouts are testable within the suite's time budget.
    static let fastLimits = HTTPLimits(
        maxBodyBytes: 1024,
        headerTimeout: .seconds(1),
        bodyTimeout: .seconds(1),
        idleTimeout: .milliseconds(400),
        writeTimeout: .seconds(2),
        maxConnections: 16)

    /// An echoing router: GET /hello, POST /echo, GET /items/{id}.
    static let router: Router = {
        var router = Router()
        router.add(.get, "/hello") { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hello".utf8))
        }
        router.add(.post, "/echo") { request in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        router.add(.get, "/items/{id}") { request in
            HTTPResponse(status: .ok, body: Array("item \(request.pathParameters["id"] ?? "?")".utf8))
        }
        router.add(.get, "/slow") { _ in
            Thread.sleep(forTimeInterval: 0.4)
            return HTTPResponse(status: .ok, body: Array("slow".utf8))
        }
        return router
    }()

    /// Starts a server on 127.0.0.1:0, runs `body`, then shuts it down.
    static func withServer<T>(
        limits: HTTPLimits = fastLimits,
        grace: Duration = .seconds(2),
        logger: Logger = quietLogger,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { router.handle($0) },
        _ body: (HTTPServer) throws -> T
    ) throws -> T {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, limits: limits, shutdownGracePeriod: grace),
            logger: logger, handler: handler)
        try server.start()
        defer { server.shutdown() }
        return try body(server)
    }
}

/// Collects log records so tests can check the access log.
final class LogStore: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    let records = Mutex<[Record]>([])

    var logger: Logger {
        Logger(label: "MiniHTTPTests.recording", factory: { _ in RecordingLogHandler(store: self) })
    }
}

struct RecordingLogHandler: LogHandler {
    let store: LogStore
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var flattened: [String: String] = [:]
        for (key, value) in event.metadata ?? [:] { flattened[key] = "\(value)" }
        let record = LogStore.Record(level: event.level, message: "\(event.message)", metadata: flattened)
        store.records.withLock { $0.append(record) }
    }
}
