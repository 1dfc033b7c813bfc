import Foundation
import TrafficStore

extension NewRevision {
    /// A revision of `name` whose canonical form is derived from `content`; the digest is a
    /// deterministic 64-hex-digit stand-in (four FNV-1a-64 hashes), which is all the store needs.
    static func make(_ name: String, content: String = "v1", format: DocumentFormat = .yaml) -> NewRevision {
        let canonical = #"{"content":"\#(content)","name":"\#(name)"}"#
        return NewRevision(
            name: name, format: format, source: "name: \(name)\ncontent: \(content)\n",
            canonical: canonical, digest: fakeDigest(canonical)
        )
    }

    static func fakeDigest(_ text: String) -> String {
        (0..<4).map { seed -> String in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(seed)
            for byte in text.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
