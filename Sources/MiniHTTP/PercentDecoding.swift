/// Percent-decoding (RFC 3986 §2.1) and `application/x-www-form-urlencoded` query splitting.
enum PercentDecoding {
    /// Decodes `%XX` escapes; nil when a `%` is not followed by two hex digits.
    static func decode(_ bytes: some Collection<UInt8>, plusAsSpace: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte == ASCII.percent {
                guard let high = iterator.next().flatMap(ASCII.hexValue),
                      let low = iterator.next().flatMap(ASCII.hexValue)
                else { return nil }
                output.append(UInt8(high << 4 | low))
            } else if plusAsSpace && byte == ASCII.plus {
                output.append(ASCII.space)
            } else {
                output.append(byte)
            }
        }
        return output
    }

    /// Splits a query on `&` and `=` and form-decodes each part.
    ///
    /// Unlike the path, the query is decoded leniently: a part with an invalid escape is kept
    /// verbatim and invalid UTF-8 becomes U+FFFD, because handlers decide what a bad query means.
    static func formItems(_ query: ArraySlice<UInt8>) -> [HTTPQueryItem] {
        var items: [HTTPQueryItem] = []
        for pair in query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                items.append(HTTPQueryItem(
                    name: formDecode(pair[..<equals]), value: formDecode(pair[(equals + 1)...])))
            } else {
                items.append(HTTPQueryItem(name: formDecode(pair), value: ""))
            }
        }
        return items
    }

    private static func formDecode(_ bytes: ArraySlice<UInt8>) -> String {
        if let decoded = decode(bytes, plusAsSpace: true) {
            return String(decoding: decoded, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
