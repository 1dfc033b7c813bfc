#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Accepts a client's `X-Request-Id` when it is safe to echo, and otherwise makes a new one.
final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    /// The prefix mixes the process id and start time so ids from restarts and from other
    /// instances do not collide in aggregated logs.
    init() {
        let seed = UInt64(UInt32(truncatingIfNeeded: getpid())) << 32
            ^ UInt64(UInt32(truncatingIfNeeded: time(nil)))
            ^ UInt64.random(in: 0...UInt64(UInt32.max))
        let hex = String(seed, radix: 16)
        prefix = String(repeating: "0", count: max(0, 12 - hex.count)) + hex.suffix(12)
    }

    /// The id to use for a request carrying `incoming` (the first `X-Request-Id`, if any).
    func requestID(incoming: String?) -> String {
        if let incoming, RequestIDGenerator.isAcceptable(incoming) { return incoming }
        let next = counter.add(1, ordering: .relaxed).newValue
        return prefix + "-" + String(next, radix: 16)
    }

    /// 1–64 characters of `[A-Za-z0-9._-]`: safe in headers and log lines, and bounded.
    static func isAcceptable(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 64 else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}
