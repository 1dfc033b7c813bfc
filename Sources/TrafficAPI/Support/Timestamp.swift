import Foundation

/// RFC 3339 timestamps in UTC with milliseconds, the one time format of the API.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    static func format(_ date: Date) -> String { style.format(date) }
}
