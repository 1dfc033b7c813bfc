import MiniHTTP
import Synchronization
import TrafficStore

/// Bearer-token authentication and role checks for every route.
///
/// The caller's identity comes only from the `Authorization` header, looked up in the store
/// (which compares token digests in constant time); the actor recorded for a write is the
/// token's name, never anything else the client sends.
final class AccessControl: Sendable {
    let store: SpecStore
    /// `serve --allow-anonymous-read`: reads without a token.
    let allowsAnonymousReads: Bool
    private let failures = Mutex<Int>(0)

    init(store: SpecStore, allowsAnonymousReads: Bool) {
        self.store = store
        self.allowsAnonymousReads = allowsAnonymousReads
    }

    /// Failed authentication attempts since start, for `/metrics`.
    var failedAuthentications: Int { failures.withLock { $0 } }

    /// The token behind the request, or nil when `permission` is open (or an anonymous read
    /// is allowed and no credentials were sent).
    func authorize(_ request: HTTPRequest, for permission: Permission) throws -> TokenRecord? {
        if permission == .open { return nil }
        guard let header = request.headers["Authorization"] else {
            if permission == .read && allowsAnonymousReads { return nil }
            throw APIError.unauthenticated(reason: "this request needs a token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            failures.withLock { $0 += 1 }
            throw APIError.unauthenticated(reason: "the Authorization header must be 'Bearer <token>'")
        }
        guard let token = try store.authenticate(secret: String(parts[1])) else {
            failures.withLock { $0 += 1 }
            throw APIError.unauthenticated(reason: "the token is unknown, expired or revoked")
        }
        guard permission.isGranted(to: token.role) else {
            throw APIError.forbidden(role: token.role.rawValue, needed: permission.rawValue)
        }
        return token
    }
}
