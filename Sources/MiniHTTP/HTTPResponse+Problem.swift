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
