/// Gateway API duration strings (`1h30m`, `500ms`), read as milliseconds so that rules such as
/// "backendRequest must not exceed request" can be checked before the API server sees them.
enum GatewayDuration {
    static func milliseconds(_ text: String) -> Int64? {
        guard !text.isEmpty else { return nil }
        var total: Int64 = 0
        var digits = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                digits.append(character)
                index = text.index(after: index)
                continue
            }
            guard let value = Int64(digits) else { return nil }
            digits = ""
            let rest = text[index...]
            if rest.hasPrefix("ms") {
                total += value
                index = text.index(index, offsetBy: 2)
            } else {
                switch character {
                case "h": total += value * 3_600_000
                case "m": total += value * 60_000
                case "s": total += value * 1000
                default: return nil
                }
                index = text.index(after: index)
            }
        }
        return digits.isEmpty ? total : nil
    }
}
