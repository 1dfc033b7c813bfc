import Foundation

/// Opaque pagination cursors: clients pass back what they were given and never build one.
///
/// The cursor wraps the store's keyset position in base64url with a version prefix, so the
/// encoding can change without breaking clients holding old cursors (they get a clear 400).
enum PageCursor {
    private static let prefix = "c1:"

    static func encode(_ key: String) -> String {
        Data((prefix + key).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) throws(APIError) -> String {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard cursor.count <= 512, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8), text.hasPrefix(prefix)
        else {
            throw .invalidParameter(name: "cursor", value: cursor, reason: "not a cursor this server issued")
        }
        return String(text.dropFirst(prefix.count))
    }
}
