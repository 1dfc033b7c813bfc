/// Standard base64 (RFC 4648 §4, padded), the encoding of `format: byte` strings such as a
/// Secret's `data` values.
enum Base64Text {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return false }
        var padding = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                guard padding == 0 else { return false }
            case UInt8(ascii: "="):
                padding += 1
                guard padding <= 2, index >= bytes.count - 2 else { return false }
            default:
                return false
            }
        }
        return true
    }
}
