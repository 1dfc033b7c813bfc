import Foundation
import Logging
import MiniHTTP
import TrafficAPI
import TrafficCore
import TrafficStore

/// A TrafficAPI on a fresh temp-file database with a fixed clock; removed by `close()`.
final class APIFixture {
    let directory: URL
    let store: SpecStore
    let api: TrafficAPI
    /// An admin token every request carries unless a test passes its own `Authorization`.
    let adminToken: String

    var databasePath: String { directory.appendingPathComponent("test.db").path }

    init(
        busyTimeoutMilliseconds: Int = 5000, allowAnonymousReads: Bool = false, adminSecret: String? = nil,
        validator: ManifestValidator = ManifestValidator(), rollouts: RolloutOptions = RolloutOptions()
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trafficspec-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        store = try SpecStore(
            path: directory.appendingPathComponent("test.db").path, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            now: { Date(timeIntervalSince1970: 1_795_000_000) }, logger: logger)
        api = TrafficAPI(
            store: store, logger: logger, validator: validator, allowAnonymousReads: allowAnonymousReads, rollouts: rollouts)
        adminToken = try store.createToken(
            name: "test-admin", role: .admin, expiresAt: nil, actor: "test", presetSecret: adminSecret
        ).secret.text
    }

    func close() {
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends a request as the admin, unless `headers` carry their own `Authorization` or
    /// `anonymous` is set.
    func send(
        _ method: HTTPMethod, _ target: String, body: String? = nil, headers: [(String, String)] = [],
        anonymous: Bool = false
    ) throws -> HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name, value) }
        if !anonymous, fields["Authorization"] == nil { fields.add("Authorization", "Bearer \(adminToken)") }
        let request = try HTTPRequest(
            method: method, target: target, headers: fields, body: Array((body ?? "").utf8), requestID: "test-1")
        return api.handle(request)
    }

    /// POSTs a JSON body.
    func post(_ target: String, json: String, headers: [(String, String)] = []) throws -> HTTPResponse {
        try send(.post, target, body: json, headers: [("Content-Type", "application/json")] + headers)
    }

    func post(_ target: String, yaml: String, headers: [(String, String)] = [], anonymous: Bool = false) throws -> HTTPResponse {
        try send(.post, target, body: yaml, headers: [("Content-Type", "application/yaml")] + headers, anonymous: anonymous)
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}

