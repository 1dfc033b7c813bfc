import Foundation
import Synchronization

/// Counters for `GET /metrics`, keyed by route template (never by raw path, so cardinality
/// stays bounded whatever clients send).
final class APIMetrics: Sendable {
    struct Key: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    private final class Shard: Sendable {
        let counts = Mutex<[Key: Int]>([:])
    }

    /// Each request thread counts into one of 16 shards, picked by a hash of its thread id, so
    /// 64 connection threads on 2 cores do not queue on one lock for every response (profiling
    /// showed that lock's contention at a few percent of all server time).
    private let shards: [Shard] = (0..<16).map { _ in Shard() }

    func record(route: String, method: String, status: Int) {
        // Fibonacci hashing: thread ids are addresses far apart; the top 4 bits of the product mix them.
        let index = Int((UInt64(UInt(bitPattern: Int(bitPattern: pthread_self()))) &* 0x9E37_79B9_7F4A_7C15) >> 60)
        shards[index].counts.withLock { $0[Key(route: route, method: method, status: status), default: 0] += 1 }
    }

    /// A stable snapshot, sorted by key: the shards summed.
    func snapshot() -> [(Key, Int)] {
        var total: [Key: Int] = [:]
        for shard in shards {
            shard.counts.withLock { counts in
                for (key, count) in counts { total[key, default: 0] += count }
            }
        }
        return total.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
