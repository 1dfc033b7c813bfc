import Foundation

/// A stored API token, without its secret and without the secret's hash: neither ever leaves the
/// store, so no listing, log line or `description` can show them.
public struct TokenRecord: Sendable, Equatable, CustomStringConvertible {
    /// Assigned by the store, ascending.
    public var id: Int64
    /// Unique; recorded as the actor of every write made with the token.
    public var name: String
    /// What the token may do.
    public var role: TokenRole
    /// When it was created.
    public var createdAt: Date
    /// Who created it.
    public var createdBy: String
    /// When it stops working; `nil` for never.
    public var expiresAt: Date?
    /// When it was revoked; `nil` while it is not.
    public var revokedAt: Date?
    /// Who revoked it; `nil` while it is not revoked.
    public var revokedBy: String?

    /// Creates a record.
    public init(
        id: Int64, name: String, role: TokenRole, createdAt: Date, createdBy: String,
        expiresAt: Date?, revokedAt: Date?, revokedBy: String?
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    /// `true` when the token is neither revoked nor expired at `date`.
    public func isActive(at date: Date) -> Bool {
        guard revokedAt == nil else { return false }
        guard let expiresAt else { return true }
        return date < expiresAt
    }

    /// `token 3 'ci-deployer' (deployer)`: identifying facts only.
    public var description: String {
        "token \(id) '\(name)' (\(role.rawValue))"
    }
}
