import Foundation
import SQLiteDB

extension SpecStore {
    static let tokenSelect = """
        SELECT id, name, role, created_at, created_by, expires_at, revoked_at, revoked_by, token_hash FROM api_tokens
        """

    /// Creates a token and its `token.created` audit event in one transaction, and returns the
    /// record with the secret. The secret is in the return value only: the database keeps its
    /// SHA-256, so it cannot be shown again.
    ///
    /// - Parameters:
    ///   - name: 1-64 characters of `[A-Za-z0-9._@-]`, unique; the actor of the token's writes.
    ///   - expiresAt: when it stops working (must be in the future), or `nil` for never.
    ///   - actor: who creates it.
    ///   - presetSecret: a secret chosen by the operator (the bootstrap token from
    ///     `TRAFFICSPEC_ADMIN_TOKEN`) instead of a generated one; at least 32 printable ASCII
    ///     characters without spaces.
    /// - Throws: `.invalidTokenName`, `.invalidTokenExpiry`, `.tokenAlreadyExists`.
    public func createToken(
        name: String, role: TokenRole, expiresAt: Date?, actor: String, presetSecret: String? = nil
    ) throws(StoreError) -> IssuedToken {
        if let problem = Self.tokenNameProblem(name) {
            throw .invalidTokenName(name: name, reason: problem)
        }
        let secret: TokenSecret
        if let presetSecret {
            guard let preset = TokenSecret(preset: presetSecret) else {
                throw .invalidTokenName(name: name, reason: "the preset secret must be at least 32 printable ASCII characters without spaces")
            }
            secret = preset
        } else {
            secret = TokenSecret.generate()
        }
        let tokenHash = TokenSecret.digest(of: secret.text)
        let record = try write { [self] connection in
            let time = timestamp()
            if let expiresAt, expiresAt <= time.date {
                throw StoreError.invalidTokenExpiry(name: name, expiresAt: expiresAt)
            }
            if try connection.queryOne("SELECT 1 FROM api_tokens WHERE name = ?", [.text(name)]) != nil {
                throw StoreError.tokenAlreadyExists(name: name)
            }
            // Stored at millisecond precision like every time; the record reports what is stored.
            let expiryText = expiresAt.map(Timestamp.format)
            try connection.execute(
                """
                INSERT INTO api_tokens (name, role, token_hash, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [.text(name), .text(role.rawValue), .text(tokenHash), .text(time.text), .text(actor), .optionalText(expiryText)]
            )
            let id = connection.lastInsertRowID
            try appendAuditEvent(
                action: "token.created", actor: actor, subject: Self.tokenSubject(name), occurredAt: time.text,
                details: AuditJSON.object([
                    "expiresAt": .optionalString(expiryText), "id": .integer(id), "role": .string(role.rawValue),
                ]).text,
                on: connection
            )
            return TokenRecord(
                id: id, name: name, role: role, createdAt: time.date, createdBy: actor,
                expiresAt: expiryText.flatMap(Timestamp.parse), revokedAt: nil, revokedBy: nil
            )
        }
        return IssuedToken(record: record, secret: secret)
    }

    /// The token whose secret is `secret`, if it exists and is neither revoked nor expired (by
    /// the store's clock); otherwise `nil`, with no hint which of these failed.
    ///
    /// The secret is hashed and the row found by its digest (an index lookup, whose timing can
    /// only reveal something about a hash of a 256-bit random value); the digests are then
    /// compared in constant time as well, so no step compares secret material byte by byte.
    public func authenticate(secret: String) throws(StoreError) -> TokenRecord? {
        let presented = TokenSecret.digest(of: secret)
        let time = now()
        if let cached = tokenCache.lookup(presented, now: time) {
            return cached.isActive(at: time) ? cached : nil
        }
        let generation = tokenCache.generation
        let found = try read { connection -> (record: TokenRecord, storedHash: String)? in
            guard let row = try connection.queryOne(Self.tokenSelect + " WHERE token_hash = ?", [.text(presented)]) else {
                return nil
            }
            return (try Self.tokenRecord(row), try row.string(8))
        }
        guard let found, ConstantTime.isEqual(found.storedHash, presented), found.record.isActive(at: time) else {
            return nil
        }
        tokenCache.insert(found.record, digest: presented, generation: generation, now: time)
        return found.record
    }

    /// Every token, revoked and expired ones included, by id. Records carry neither secrets nor
    /// hashes.
    public func listTokens() throws(StoreError) -> [TokenRecord] {
        try read { connection in
            try connection.query(Self.tokenSelect + " ORDER BY id").map(Self.tokenRecord)
        }
    }

    /// The token with this id, or `nil`.
    public func token(id: Int64) throws(StoreError) -> TokenRecord? {
        try read { connection in
            try connection.queryOne(Self.tokenSelect + " WHERE id = ?", [.integer(id)]).map(Self.tokenRecord)
        }
    }

    /// How many tokens were ever created (revoked and expired ones included). Zero only on a
    /// database where no token was ever made, which is when `serve` bootstraps an admin token.
    public func tokenCount() throws(StoreError) -> Int {
        try read { connection in
            try connection.queryOne("SELECT count(*) FROM api_tokens")?.int(0) ?? 0
        }
    }

    /// Revokes the token, with its `token.revoked` audit event, in one transaction, and returns
    /// the updated record. This is the one UPDATE the schema lets through on `api_tokens`.
    ///
    /// - Throws: `.tokenNotFound`, `.tokenAlreadyRevoked`.
    public func revokeToken(id: Int64, actor: String) throws(StoreError) -> TokenRecord {
        // The revocation must hold from the next request on: forget cached tokens once it
        // has committed, whether or not this call succeeded.
        defer { tokenCache.invalidate() }
        return try write { [self] connection in
            let time = timestamp()
            guard let row = try connection.queryOne(Self.tokenSelect + " WHERE id = ?", [.integer(id)]) else {
                throw StoreError.tokenNotFound(id: id)
            }
            var record = try Self.tokenRecord(row)
            guard record.revokedAt == nil else {
                throw StoreError.tokenAlreadyRevoked(id: id, name: record.name)
            }
            try connection.execute(
                "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?",
                [.text(time.text), .text(actor), .integer(id)]
            )
            try appendAuditEvent(
                action: "token.revoked", actor: actor, subject: Self.tokenSubject(record.name), occurredAt: time.text,
                details: AuditJSON.object(["id": .integer(id)]).text, on: connection
            )
            record.revokedAt = time.date
            record.revokedBy = actor
            return record
        }
    }

    /// Why `name` cannot name a token, or `nil` if it can. The same rule as the schema's CHECK.
    static func tokenNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard (1...64).contains(bytes.count) else {
            return "must be 1 to 64 characters (got \(bytes.count))"
        }
        let allowed = bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "@"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
        return allowed ? nil : "may contain only letters, digits, '.', '_', '@' and '-'"
    }

    /// The audit subject of events about a token. Spec names cannot contain '/', so a spec filter
    /// never matches it.
    static func tokenSubject(_ name: String) -> String {
        "token/\(name)"
    }

    static func tokenRecord(_ row: SQLiteRow) throws(SQLiteError) -> TokenRecord {
        guard let role = TokenRole(rawValue: try row.string(2)) else {
            throw SQLiteError(code: SQLiteRow.mismatchCode, message: "column \(row.columnNames[2]) is not a token role")
        }
        return TokenRecord(
            id: try row.int64(0), name: try row.string(1), role: role, createdAt: try row.timestamp(3),
            createdBy: try row.string(4), expiresAt: try row.optionalTimestamp(5), revokedAt: try row.optionalTimestamp(6),
            revokedBy: try row.optionalString(7)
        )
    }
}
