import Foundation
import Logging
import MiniHTTP
import TrafficAPI
import TrafficStore

/// A TrafficAPI on a fresh temp-file database with a fixed clock; removed by `close()`.
final class APIFixture {
    let directory: URL
    let store: SpecStore
    let api: TrafficAPI

    var databasePath: String { directory.appendingPathComponent("test.db").path }

    init(busyTimeoutMilliseconds: Int = 5000) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trafficspec-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        store = try SpecStore(
            path: directory.appendingPathComponent("test.db").path, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            now: { Date(timeIntervalSince1970: 1_795_000_000) }, logger: logger)
        api = TrafficAPI(store: store, logger: logger)
    }

    func close() {
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func send(
        _ method: HTTPMethod, _ target: String, body: String? = nil, headers: [(String, String)] = []
    ) throws -> HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name, value) }
        let request = try HTTPRequest(
            method: method, target: target, headers: fields, body: Array((body ?? "").utf8), requestID: "test-1")
        return api.handle(request)
    }

    func post(_ target: String, yaml: String, headers: [(String, String)] = []) throws -> HTTPResponse {
        try send(.post, target, body: yaml, headers: [("Content-Type", "application/yaml")] + headers)
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}

