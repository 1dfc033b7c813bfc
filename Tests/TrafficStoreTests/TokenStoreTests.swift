import Foundation
import SQLiteDB
import Testing
import TrafficCore
import TrafficStore

@Suite("SpecStore tokens")
struct TokenStoreTests {
    @Test func createToken_returnsAPrefixedRandomSecret_andARecordWithoutIt() throws {
        let harness = try SpecStoreHarness()
        let issued = try harness.store.createToken(name: "ci-deployer", role: .deployer, expiresAt: nil, actor: "admin")
        let secret = issued.secret.text
        #expect(secret.hasPrefix("tsk_"))
        // 32 bytes in unpadded base64url: 43 characters of [A-Za-z0-9_-].
        let body = secret.dropFirst(4)
        #expect(body.count == 43)
        #expect(body.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        })
        #expect(issued.record == TokenRecord(
            id: 1, name: "ci-deployer", role: .deployer, createdAt: SpecStoreHarness.start, createdBy: "admin",
            expiresAt: nil, revokedAt: nil, revokedBy: nil
        ))
        // Nothing that describes the values shows the secret.
        #expect(!"\(issued.secret)".contains(body))
        #expect(!String(reflecting: issued.secret).contains(body))
        var dumped = ""
        dump(issued, to: &dumped)
        #expect(!dumped.contains(body))
        #expect(!"\(issued.record)".contains(body))
        #expect("\(issued.record)" == "token 1 'ci-deployer' (deployer)")

        let other = try harness.store.createToken(name: "ci-viewer", role: .viewer, expiresAt: nil, actor: "admin")
        #expect(other.secret != issued.secret)
        #expect(try harness.store.tokenCount() == 2)
    }

    @Test func secret_isNeverStoredInClear() throws {
        let harness = try SpecStoreHarness()
        var secrets: [String] = []
        for index in 0..<5 {
            secrets.append(try harness.store.createToken(name: "token-\(index)", role: .author, expiresAt: nil, actor: "admin").secret.text)
        }
        _ = try harness.store.revokeToken(id: 2, actor: "admin")
        // Every column of every row of every table, as text.
        let connection = try harness.rawConnection()
        let tables = try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table'").map { try $0.string(0) }
        var everything = ""
        for table in tables {
            for row in try connection.query("SELECT * FROM \"\(table)\"") {
                for value in row.values {
                    everything += "\(value)\n"
                }
            }
        }
        let storedHashes = try connection.query("SELECT token_hash FROM api_tokens ORDER BY id").map { try $0.string(0) }
        #expect(storedHashes.count == 5)
        for secret in secrets {
            let body = String(secret.dropFirst(4))
            #expect(!everything.contains(body))
            // What is stored is the SHA-256 of the secret, computed independently here.
            #expect(storedHashes.contains(Self.sha256Hex(secret)))
        }
        // The raw bytes: the database file and its write-ahead log, before and after a checkpoint.
        for checkpoint in [false, true] {
            if checkpoint {
                try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            }
            let bytes = try harness.databaseFileBytes()
            #expect(bytes.count > 0)
            for secret in secrets {
                #expect(!bytes.containsBytes(secret.dropFirst(4)), "checkpoint: \(checkpoint)")
            }
            // The search itself works: a stored hash is found.
            #expect(bytes.containsBytes(storedHashes[0]))
        }
    }

    @Test(.enabled(if: SQLiteShell.isAvailable)) func secret_isNotInTheTable_asTheSQLiteShellSeesIt() throws {
        let harness = try SpecStoreHarness()
        let secret = try harness.store.createToken(name: "ci", role: .admin, expiresAt: nil, actor: "admin").secret.text
        let dumped = try SQLiteShell.run(".dump", database: harness.directory.databasePath)
        #expect(dumped.contains("INSERT INTO api_tokens"))
        #expect(!dumped.contains(secret.dropFirst(4)))
        #expect(dumped.contains(Self.sha256Hex(secret)))
    }

    @Test func authenticate_acceptsTheSecret_andNothingElse() throws {
        let harness = try SpecStoreHarness()
        let issued = try harness.store.createToken(name: "ci", role: .author, expiresAt: nil, actor: "admin")
        #expect(try harness.store.authenticate(secret: issued.secret.text) == issued.record)
        let secret = issued.secret.text
        var flipped = Array(secret.utf8)
        flipped[flipped.count - 1] = flipped[flipped.count - 1] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        for wrong in [
            "", "tsk_", String(secret.dropLast()), secret + "x", String(decoding: flipped, as: UTF8.self),
            secret.uppercased(), Self.sha256Hex(secret), " " + secret,
        ] {
            #expect(try harness.store.authenticate(secret: wrong) == nil, "\(wrong.count) characters")
        }
    }

    @Test func authenticate_refusesExpiredTokens_byTheInjectedClock() throws {
        let harness = try SpecStoreHarness()
        let expiry = SpecStoreHarness.start.addingTimeInterval(3600)
        let issued = try harness.store.createToken(name: "temporary", role: .viewer, expiresAt: expiry, actor: "admin")
        #expect(issued.record.expiresAt == expiry)
        #expect(try harness.store.authenticate(secret: issued.secret.text)?.name == "temporary")
        harness.advance(seconds: 3599.999)
        #expect(try harness.store.authenticate(secret: issued.secret.text)?.name == "temporary")
        harness.advance(seconds: 0.001)
        #expect(try harness.store.authenticate(secret: issued.secret.text) == nil)
        // Still listed, as expired.
        let listed = try harness.store.listTokens()
        #expect(listed.map(\.name) == ["temporary"])
        #expect(listed.first?.isActive(at: harness.clock.now) == false)
    }

    @Test func authenticate_fromTheCache_stillChecksExpiry() throws {
        let harness = try SpecStoreHarness()
        let expiry = SpecStoreHarness.start.addingTimeInterval(10)
        let issued = try harness.store.createToken(name: "short", role: .viewer, expiresAt: expiry, actor: "admin")
        #expect(try harness.store.authenticate(secret: issued.secret.text) != nil)  // now cached
        harness.advance(seconds: 10)
        #expect(try harness.store.authenticate(secret: issued.secret.text) == nil, "cached, but expired")
    }

    @Test func authenticate_afterARevocation_failsAtOnce_evenWhenCached() throws {
        let harness = try SpecStoreHarness()
        let issued = try harness.store.createToken(name: "ci", role: .author, expiresAt: nil, actor: "admin")
        for _ in 0..<3 { #expect(try harness.store.authenticate(secret: issued.secret.text) != nil) }
        _ = try harness.store.revokeToken(id: issued.record.id, actor: "admin")
        #expect(try harness.store.authenticate(secret: issued.secret.text) == nil)
    }

    /// Another process (a second server, a manual fix with sqlite3) can revoke behind this
    /// store's back; the cache notices within its lifetime.
    @Test func authenticate_noticesARevocationByAnotherProcess_withinTheCacheLifetime() throws {
        let harness = try SpecStoreHarness()
        let issued = try harness.store.createToken(name: "ci", role: .author, expiresAt: nil, actor: "admin")
        #expect(try harness.store.authenticate(secret: issued.secret.text) != nil)
        try harness.rawConnection().execute(
            "UPDATE api_tokens SET revoked_at = '2026-11-22T10:00:01.000Z', revoked_by = 'dba' WHERE id = ?",
            [.integer(issued.record.id)])
        harness.advance(seconds: 29)
        #expect(try harness.store.authenticate(secret: issued.secret.text) != nil, "still cached")
        harness.advance(seconds: 1)
        #expect(try harness.store.authenticate(secret: issued.secret.text) == nil)
    }

    @Test func createToken_refusesAnExpiryThatIsNotInTheFuture() throws {
        let harness = try SpecStoreHarness()
        for expiry in [SpecStoreHarness.start, SpecStoreHarness.start.addingTimeInterval(-1)] {
            #expect(throws: StoreError.invalidTokenExpiry(name: "late", expiresAt: expiry)) {
                try harness.store.createToken(name: "late", role: .viewer, expiresAt: expiry, actor: "admin")
            }
        }
        #expect(try harness.store.tokenCount() == 0)
    }

    @Test func revokeToken_stopsAuthentication_andHappensOnce() throws {
        let harness = try SpecStoreHarness()
        let issued = try harness.store.createToken(name: "leaked", role: .admin, expiresAt: nil, actor: "admin")
        let kept = try harness.store.createToken(name: "kept", role: .admin, expiresAt: nil, actor: "admin")
        harness.advance(seconds: 5)
        let revoked = try harness.store.revokeToken(id: issued.record.id, actor: "security")
        #expect(revoked.revokedAt == SpecStoreHarness.start.addingTimeInterval(5))
        #expect(revoked.revokedBy == "security")
        #expect(try harness.store.token(id: issued.record.id) == revoked)
        #expect(try harness.store.authenticate(secret: issued.secret.text) == nil)
        #expect(try harness.store.authenticate(secret: kept.secret.text) == kept.record)

        #expect(throws: StoreError.tokenAlreadyRevoked(id: issued.record.id, name: "leaked")) {
            try harness.store.revokeToken(id: issued.record.id, actor: "security")
        }
        #expect(throws: StoreError.tokenNotFound(id: 99)) {
            try harness.store.revokeToken(id: 99, actor: "security")
        }
        #expect(try harness.store.listTokens().map(\.revokedBy) == ["security", nil])
        #expect(try harness.store.tokenCount() == 2)
    }

    @Test func createToken_refusesDuplicateAndMalformedNames() throws {
        let harness = try SpecStoreHarness()
        _ = try harness.store.createToken(name: "ci.bot@team_a-1", role: .viewer, expiresAt: nil, actor: "admin")
        #expect(throws: StoreError.tokenAlreadyExists(name: "ci.bot@team_a-1")) {
            try harness.store.createToken(name: "ci.bot@team_a-1", role: .admin, expiresAt: nil, actor: "admin")
        }
        for name in ["", String(repeating: "a", count: 65), "has space", "new\nline", "slash/name", "ümlaut", "quote'"] {
            #expect {
                try harness.store.createToken(name: name, role: .viewer, expiresAt: nil, actor: "admin")
            } throws: { error in
                guard case StoreError.invalidTokenName(let rejected, _) = error else { return false }
                return rejected == name
            }
        }
        #expect(try harness.store.tokenCount() == 1)
        // The schema enforces the same rule against writers that bypass the store.
        let connection = try harness.rawConnection()
        let error = #expect(throws: SQLiteError.self) {
            try connection.execute(
                "INSERT INTO api_tokens (name, role, token_hash, created_at, created_by) VALUES (?, 'viewer', ?, 't', 'x')",
                [.text("has space"), .text(String(repeating: "0", count: 64))]
            )
        }
        #expect(error?.isCheckConstraint == true)
    }

    @Test func tokenEvents_joinTheAuditChain() throws {
        let harness = try SpecStoreHarness()
        try harness.makeSpec("checkout", revisions: 1)
        let expiry = SpecStoreHarness.start.addingTimeInterval(86_400)
        let issued = try harness.store.createToken(name: "ci", role: .deployer, expiresAt: expiry, actor: "admin")
        _ = try harness.store.revokeToken(id: issued.record.id, actor: "security")
        let events = try harness.store.auditEvents(limit: 10, after: nil).items
        #expect(events.map(\.action) == ["spec.created", "token.created", "token.revoked"])
        #expect(events[1].subject == "token/ci")
        #expect(events[1].actor == "admin")
        #expect(events[1].details == #"{"expiresAt":"2026-11-23T10:00:00.000Z","id":1,"role":"deployer"}"#)
        #expect(events[2].details == #"{"id":1}"#)
        #expect(events[2].actor == "security")
        #expect(events[2].prevHash == events[1].hash)
        #expect(try harness.store.verifyAuditChain() == nil)
    }

    /// SHA-256 through the core's content digest, pinned to a published vector below.
    static func sha256Hex(_ text: String) -> String {
        ContentDigest.sha256Hex(text)
    }

    @Test func sha256Hex_matchesAKnownVector() {
        // FIPS 180-2 example "abc".
        #expect(Self.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
