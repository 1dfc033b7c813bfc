#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The current time as an IMF-fixdate (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`,
/// formatted at most once per second.
///
/// Each connection keeps its own: one cache shared by every connection thread put a lock on
/// every response, and with 64 threads on 2 cores that lock's contention cost more than a
/// tenth of the server's time. Formatting once per second per connection costs nothing.
struct HTTPDateCache {
    private var second = -1
    private var bytes: [UInt8] = []

    /// The `Date` value for the current second, as ASCII bytes.
    mutating func current() -> [UInt8] {
        let now = Int(time(nil))
        if now != second {
            second = now
            bytes = HTTPDateCache.format(now)
        }
        return bytes
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
