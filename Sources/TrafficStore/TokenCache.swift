import Foundation
import TrafficCore

/// Tokens that authenticated recently, by the SHA-256 of their secret, so that a request does
/// not need a database read to authenticate.
///
/// Only this process revokes tokens (the CLI can only create them), and every revocation
/// bumps `generation` and empties the cache before it returns. A lookup that read the
/// database before a revocation committed inserts its result only if the generation is still
/// the one it saw, so a revoked token is never cached after its revocation. Entries also age
/// out after `lifetime`, which bounds how long a change made by another process (a second
/// server on the same file, a manual edit) can go unnoticed.
final class TokenCache: Sendable {
    static let capacity = 1024
    static let lifetime: TimeInterval = 30

    private struct Entry {
        var record: TokenRecord
        var cachedAt: Date
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    /// Read on every request, written only on a miss or a revocation.
    private let state = ReadWriteLock(State())

    /// The current generation; read it before the database, pass it to `insert`.
    var generation: UInt64 { state.read { $0.generation } }

    /// The cached record for `digest`, unless it is missing or older than `lifetime` (a stale
    /// entry is left for the next `insert` to replace).
    func lookup(_ digest: String, now: Date) -> TokenRecord? {
        state.read { state in
            guard let entry = state.entries[digest],
                now.timeIntervalSince(entry.cachedAt) < Self.lifetime, now >= entry.cachedAt
            else { return nil }
            return entry.record
        }
    }

    /// Caches `record` unless a revocation happened since `generation` was read.
    func insert(_ record: TokenRecord, digest: String, generation: UInt64, now: Date) {
        state.write { state in
            guard state.generation == generation else { return }
            // Only valid tokens are inserted, so the bound matters only if many are in use.
            if state.entries.count >= Self.capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[digest] = Entry(record: record, cachedAt: now)
        }
    }

    /// Forgets every entry; called after a revocation commits.
    func invalidate() {
        state.write { state in
            state.generation &+= 1
            state.entries.removeAll()
        }
    }
}
