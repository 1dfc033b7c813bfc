/// The request-target split into path and query (RFC 9112 §3.2), with the path decoded.
struct HTTPRequestTarget: Sendable, Hashable {
    var rawPath: String
    var path: String
    var queryItems: [HTTPQueryItem]

    init(rawPath: String, path: String, queryItems: [HTTPQueryItem]) {
        self.rawPath = rawPath
        self.path = path
        self.queryItems = queryItems
    }

    /// Parses a request-target.
    ///
    /// RFC 9112 §3.2 allows origin-form (`/path?query`) for ordinary requests, asterisk-form only
    /// for OPTIONS, and absolute-form, which a server "MUST accept"; for absolute-form the
    /// authority is dropped and the path used (an empty path means `/`). authority-form is for
    /// CONNECT, which this server does not implement, so it is a 400 like any other shape.
    init(parsing bytes: [UInt8], method: HTTPMethod) throws(HTTPParseError) {
        guard let first = bytes.first else { throw .badRequest("empty request-target") }
        for byte in bytes where byte <= 0x20 || byte >= 0x7F {
            // RFC 9112 §3.2: the target is a sequence of visible ASCII characters.
            throw .badRequest("invalid character in request-target")
        }
        var pathAndQuery: ArraySlice<UInt8>
        if first == ASCII.slash {
            pathAndQuery = bytes[...]
        } else if bytes == [UInt8(ascii: "*")] {
            guard method == .options else {
                throw .badRequest("asterisk-form request-target is only allowed for OPTIONS")
            }
            self.rawPath = "*"
            self.path = "*"
            self.queryItems = []
            return
        } else if let rest = HTTPRequestTarget.afterSchemeAndAuthority(bytes) {
            pathAndQuery = rest.isEmpty ? [ASCII.slash] : rest
        } else {
            throw .badRequest("request-target must be origin-form, absolute-form or '*'")
        }
        if pathAndQuery.contains(UInt8(ascii: "#")) {
            // RFC 9112 §3.2 defines origin-form and absolute-form without a fragment; a client
            // never sends one, so a `#` means a malformed target.
            throw .badRequest("request-target contains a fragment")
        }
        let queryStart = pathAndQuery.firstIndex(of: ASCII.questionMark)
        let rawPathBytes = pathAndQuery[..<(queryStart ?? pathAndQuery.endIndex)]
        guard let decoded = PercentDecoding.decode(rawPathBytes, plusAsSpace: false),
              let path = String(validating: decoded, as: UTF8.self)
        else {
            throw .badRequest("invalid percent-encoding in path")
        }
        self.rawPath = String(decoding: rawPathBytes, as: UTF8.self)
        self.path = path
        if let queryStart {
            self.queryItems = PercentDecoding.formItems(pathAndQuery[(queryStart + 1)...])
        } else {
            self.queryItems = []
        }
    }

    /// For `http://host[:port]/p?q` (scheme case-insensitive) returns `/p?q`; nil if not absolute.
    private static func afterSchemeAndAuthority(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        for scheme in ["http://", "https://"] {
            let schemeBytes = Array(scheme.utf8)
            guard bytes.count > schemeBytes.count else { continue }
            let matches = zip(bytes, schemeBytes).allSatisfy { ASCII.lowercased($0) == $1 }
            guard matches else { continue }
            let afterScheme = bytes[schemeBytes.count...]
            let authorityEnd =
                afterScheme.firstIndex { $0 == ASCII.slash || $0 == ASCII.questionMark } ?? bytes.endIndex
            guard authorityEnd > afterScheme.startIndex else { return nil }
            let rest = bytes[authorityEnd...]
            if rest.first == ASCII.questionMark {
                return [ASCII.slash] + rest
            }
            return rest
        }
        return nil
    }
}
