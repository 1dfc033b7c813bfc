import Foundation
import MiniHTTP
import TrafficCore
import TrafficStore

/// Token administration (admin role): create (the secret is in that response only), list
/// (never secrets or hashes), revoke (the record stays, marked revoked).
struct TokenRoutes: Sendable {
    let store: SpecStore

    func register(on api: inout APIRouter) {
        api.add(.post, "/v1/tokens", .manageTokens, create)
        api.add(.get, "/v1/tokens", .manageTokens, list)
        api.add(.delete, "/v1/tokens/{id}", .manageTokens, revoke)
    }

    /// `POST /v1/tokens` with `{"name", "role", "expiresAt"?}` (JSON or YAML).
    func create(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        var fields = RequestFields(try RequestBody.tree(of: request), known: ["name", "role", "expiresAt"])
        let name = fields.string("name", required: true)
        let roleText = fields.string("role", required: true)
        let role = roleText.flatMap(TokenRole.init(rawValue:))
        if roleText != nil, role == nil {
            fields.fail("role", "must be one of viewer, author, deployer, admin", code: Diagnostic.unsupportedValue.code)
        }
        var expiresAt: Date?
        if let text = fields.string("expiresAt", required: false) {
            expiresAt = RFC3339.date(text)
            if expiresAt == nil { fields.fail("expiresAt", "must be an RFC 3339 time") }
        }
        try fields.finish()
        guard let name, let role else { throw APIError.invalidRequest(fields.errors) }
        let issued = try store.createToken(name: name, role: role, expiresAt: expiresAt, actor: caller.actor)
        var json = Self.json(issued.record)
        if case .object(var object) = json {
            object["token"] = .string(issued.secret.text)
            json = .object(object)
        }
        return .json(json, status: .created, headers: [("Location", "/v1/tokens/\(issued.record.id)"), ("Cache-Control", "no-store")])
    }

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        .json(.object(["items": .array(try store.listTokens().map(Self.json))]))
    }

    func revoke(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        let text = request.pathParameters["id"] ?? ""
        guard let id = Int64(text), id > 0 else {
            throw APIError.invalidParameter(name: "id", value: text, reason: "expected a token id (a positive integer)")
        }
        return .json(Self.json(try store.revokeToken(id: id, actor: caller.actor)))
    }

    static func json(_ record: TokenRecord) -> JSONValue {
        .object([
            "id": .integer(record.id),
            "name": .string(record.name),
            "role": .string(record.role.rawValue),
            "createdAt": .string(Timestamp.format(record.createdAt)),
            "createdBy": .string(record.createdBy),
            "expiresAt": record.expiresAt.map { .string(Timestamp.format($0)) } ?? .null,
            "revokedAt": record.revokedAt.map { .string(Timestamp.format($0)) } ?? .null,
            "revokedBy": record.revokedBy.map { .string($0) } ?? .null,
        ])
    }
}
