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

    private let counts = Mutex<[Key: Int]>([:])

    func record(route: String, method: String, status: Int) {
        counts.withLock { $0[Key(route: route, method: method, status: status), default: 0] += 1 }
    }

    /// A stable snapshot, sorted by key.
    func snapshot() -> [(Key, Int)] {
        counts.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
