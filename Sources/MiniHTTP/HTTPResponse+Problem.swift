extension HTTPResponse {
    /// A `application/problem+json` response (RFC 9457) with `type` `about:blank`, the status's
    /// reason phrase as `title`, and `detail`.
    public static func problem(_ status: HTTPStatus, detail: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var body = #"{"type":"about:blank","title":"#
        body += JSONString.quoted(status.reasonPhrase)
        body += #","status":"#
        body += String(status.code)
        body += #","detail":"#
        body += JSONString.quoted(detail)
        body += "}"
        var allHeaders = headers
        allHeaders.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: status, headers: allHeaders, body: Array(body.utf8))
    }
}

/// Minimal JSON string quoting (RFC 8259 §7) so problem bodies need no encoder.
enum JSONString {
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }
}
