/// Hand-written matchers for the patterns that Kubernetes and Gateway API schemas repeat on
/// almost every reference (names, groups, kinds, hostnames, durations, header names).
///
/// They give exactly the answers of the regular expressions they stand for (a test compares
/// both on generated strings) without bridging each value to `NSString` — on a typical bundle
/// that bridging was more than half of all validation time.
enum FastPattern {
    typealias Matcher = @Sendable (String) -> Bool

    static func matcher(for source: String) -> Matcher? {
        switch source {
        case #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, #"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"#:
            return { isLabel(Array($0.utf8)[...]) }
        case #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#:
            return { isSubdomain(Array($0.utf8)[...]) }
        case #"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#:
            return { $0.isEmpty || isSubdomain(Array($0.utf8)[...]) }
        case #"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#:
            return { text in
                let bytes = Array(text.utf8)
                if bytes.starts(with: [UInt8(ascii: "*"), UInt8(ascii: ".")]) { return isSubdomain(bytes[2...]) }
                return isSubdomain(bytes[...])
            }
        case #"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$"#:
            return { text in
                let bytes = Array(text.utf8)
                guard let first = bytes.first, let last = bytes.last, isLetter(first), isLetter(last) || isDigit(last) else {
                    return false
                }
                return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
            }
        case #"^([0-9]{1,5}(h|m|s|ms)){1,4}$"#:
            return { isGatewayDuration(Array($0.utf8)) }
        case #"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$"#:
            return { text in
                !text.isEmpty && text.utf8.allSatisfy { isLetter($0) || isDigit($0) || headerSymbols.contains($0) }
            }
        default:
            return nil
        }
    }

    private static let headerSymbols = Set("!#$%&'*+-.^_`|~".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x7A) }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    static func isLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else {
            return false
        }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Labels joined by single dots.
    static func isSubdomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
            guard isLabel(bytes[start..<end]) else { return false }
            if end == bytes.endIndex { return true }
            start = end + 1
        }
    }

    /// `([0-9]{1,5}(h|m|s|ms)){1,4}`
    static func isGatewayDuration(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var parts = 0
        while index < bytes.count {
            let digitsStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            let digits = index - digitsStart
            guard (1...5).contains(digits), index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "h"), UInt8(ascii: "s"): index += 1
            case UInt8(ascii: "m"):
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "s") { index += 1 }
            default: return false
            }
            parts += 1
        }
        return (1...4).contains(parts)
    }
}
