import Foundation
import MiniHTTP
import TrafficCore
import TrafficStore

/// The audit history: filtered lists, a spec's own history, the chain's head (to anchor it
/// outside the database) and a full verification.
struct AuditRoutes: Sendable {
    let store: SpecStore

    func register(on api: inout APIRouter) {
        api.add(.get, "/v1/audit", .read, list)
        api.add(.get, "/v1/audit/head", .read, head)
        api.add(.get, "/v1/audit/verify", .read, verify)
        api.add(.get, "/v1/specs/{name}/history", .read, history)
    }

    /// `GET /v1/audit?spec=&environment=&actor=&action=&since=&until=`: oldest first, paginated.
    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        var filter = AuditFilter()
        filter.spec = try RequestParameters.label(request, query: "spec")
        filter.environment = try RequestParameters.label(request, query: "environment")
        filter.actor = try Self.text(request, "actor")
        filter.action = try Self.text(request, "action")
        filter.since = try Self.time(request, "since")
        filter.until = try Self.time(request, "until")
        return try page(filter, request: request, path: "/v1/audit")
    }

    /// `GET /v1/specs/{name}/history`: every event about one spec (creation, revisions,
    /// rollouts, rollbacks), oldest first.
    func history(_ request: HTTPRequest) throws -> HTTPResponse {
        let name = try RequestParameters.specName(request)
        guard try store.spec(named: name) != nil else { throw StoreError.specNotFound(name: name) }
        return try page(AuditFilter(spec: name), request: request, path: Paths.spec(name) + "/history")
    }

    /// `GET /v1/audit/head`: the newest event's sequence number and hash (sequence 0 and the
    /// genesis hash for an empty history). Copy it somewhere the database's owner cannot write.
    func head(_ request: HTTPRequest) throws -> HTTPResponse {
        .json(Self.json(head: try store.auditHead()))
    }

    /// `GET /v1/audit/verify`: recomputes every hash. 200 either way; `intact` says which, and
    /// `firstBreak` names the first event that is not as it was written.
    func verify(_ request: HTTPRequest) throws -> HTTPResponse {
        let verification = try store.auditChainVerification()
        var object: JSONObject = [
            "intact": .bool(verification.isIntact),
            "events": .integer(verification.eventCount),
            "head": Self.json(head: verification.head),
        ]
        if let broken = verification.firstBreak {
            object["firstBreak"] = .object(["seq": .integer(broken.seq), "reason": .string(broken.reason.rawValue)])
        } else {
            object["firstBreak"] = .null
        }
        return .json(.object(object))
    }

    private func page(_ filter: AuditFilter, request: HTTPRequest, path: String) throws -> HTTPResponse {
        let limit = try RequestParameters.limit(request)
        let after = try RequestParameters.idCursor(request, of: "an audit")
        let page = try store.auditEvents(matching: filter, limit: limit, after: after)
        let next = page.nextCursor.map(PageCursor.encode)
        // The next page's link keeps the filters.
        let filters = request.queryItems.filter { $0.name != "cursor" && $0.name != "limit" }
            .map { "&\(Self.queryEscaped($0.name))=\(Self.queryEscaped($0.value))" }.joined()
        let link = next.map { "<\(path)?limit=\(limit)&cursor=\($0)\(filters)>; rel=\"next\"" }
        return .json(
            Representations.page(items: page.items.map(Self.json(event:)), nextCursor: next),
            headers: link.map { [("Link", $0)] } ?? [])
    }

    static func json(event: AuditEvent) -> JSONValue {
        let details = (try? DocumentParser().parseSingle(Array(event.details.utf8), format: .json).jsonValue) ?? .string(event.details)
        return .object([
            "seq": .integer(event.seq),
            "occurredAt": .string(event.occurredAt),
            "actor": .string(event.actor),
            "action": .string(event.action),
            "subject": .string(event.subject),
            "details": details,
            "prevHash": .string(event.prevHash),
            "hash": .string(event.hash),
        ])
    }

    static func json(head: AuditHead?) -> JSONValue {
        guard let head else {
            return .object(["seq": .integer(0), "hash": .string(AuditEvent.genesisHash), "occurredAt": .null])
        }
        return .object(["seq": .integer(head.seq), "hash": .string(head.hash), "occurredAt": .string(head.occurredAt)])
    }

    private static let queryValueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~:"))

    private static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? ""
    }

    private static func text(_ request: HTTPRequest, _ name: String) throws(APIError) -> String? {
        guard let value = request.queryValue(name) else { return nil }
        guard !value.isEmpty, value.unicodeScalars.count <= 128 else {
            throw .invalidParameter(name: name, value: String(value.prefix(64)), reason: "expected 1 to 128 characters")
        }
        return value
    }

    private static func time(_ request: HTTPRequest, _ name: String) throws(APIError) -> Date? {
        guard let value = request.queryValue(name) else { return nil }
        guard let date = RFC3339.date(value) else {
            throw .invalidParameter(name: name, value: String(value.prefix(64)), reason: "expected an RFC 3339 time, e.g. 2026-11-22T08:00:00Z")
        }
        return date
    }
}
