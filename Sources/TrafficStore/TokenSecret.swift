import Foundation
import TrafficCore

/// The bearer secret of an API token: `tsk_` followed by 32 random bytes in unpadded base64url
/// (43 characters). The prefix lets secret scanners and humans recognize a leaked token.
///
/// The value's `description`, `debugDescription` and mirror are redacted, so interpolating it into
/// a log line or `dump`ing a containing value shows no secret; only `text` gives it out, on purpose.
public struct TokenSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The prefix of every secret.
    public static let prefix = "tsk_"
    /// 256 bits: far beyond guessing, and the SHA-256 of such a secret needs no salt or slow hash.
    static let randomByteCount = 32

    /// The bearer text, to show the user once.
    public let text: String

    private init(text: String) {
        self.text = text
    }

    /// An operator-chosen secret, accepted only when it is long enough to resist guessing.
    init?(preset text: String) {
        guard text.utf8.count >= 32, text.utf8.count <= 512, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return nil
        }
        self.text = text
    }

    /// A new secret from the system's cryptographically secure generator
    /// (`SystemRandomNumberGenerator`: getrandom(2) on Linux, arc4random_buf on Darwin).
    static func generate() -> TokenSecret {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(randomByteCount)
        while bytes.count < randomByteCount {
            let word = generator.next() as UInt64
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < randomByteCount {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return TokenSecret(text: prefix + base64URL(bytes))
    }

    /// Base64url without padding (RFC 4648 §5), so the secret survives URLs, headers and shells.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// The lowercase hex SHA-256 of `secret`'s UTF-8 text, as stored in `api_tokens.token_hash`.
    static func digest(of secret: String) -> String {
        ContentDigest.sha256Hex(secret)
    }

    /// Redacted: the prefix only.
    public var description: String {
        "\(Self.prefix)…(redacted)"
    }

    /// Redacted, like `description`.
    public var debugDescription: String {
        description
    }

    /// No children, so `dump` and reflection cannot print `text`.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }
}
