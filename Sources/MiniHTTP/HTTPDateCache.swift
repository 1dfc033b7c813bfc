#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The current time as an IMF-fixdate (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`,
/// formatted at most once per second and shared by all connections.
final class HTTPDateCache: Sendable {
    private let cache = Mutex<(second: Int, bytes: [UInt8])>((-1, []))

    /// The `Date` value for the current second, as ASCII bytes.
    func current() -> [UInt8] {
        let now = Int(time(nil))
        return cache.withLock { cached in
            if cached.second != now {
                cached = (now, HTTPDateCache.format(now))
            }
            return cached.bytes
        }
    }

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Formats seconds since the epoch without Foundation formatters (style guide: the hot path
    /// stays allocation-light).
    static func format(_ secondsSinceEpoch: Int) -> [UInt8] {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func twoDigits(_ value: Int32) -> String {
            value < 10 ? "0\(value)" : "\(value)"
        }
        let text = "\(dayNames[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) "
            + "\(monthNames[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
        return Array(text.utf8)
    }
}
