import MiniHTTP
import TrafficCore

extension HTTPResponse {
    /// A JSON body, pretty-printed with a trailing newline so that it pipes well into `jq` and
    /// terminals; key order is the order the representation was built in (stable).
    static func json(_ value: JSONValue, status: HTTPStatus = .ok, headers: [(String, String)] = []) -> HTTPResponse {
        text(value.serialized(.init(pretty: true)), mediaType: .json, status: status, headers: headers)
    }

    static func text(_ body: String, mediaType: MediaType, status: HTTPStatus = .ok, headers: [(String, String)] = [])
        -> HTTPResponse
    {
        var fields = HTTPHeaders()
        fields.add("Content-Type", mediaType.headerValue)
        for (name, value) in headers { fields.add(name, value) }
        return HTTPResponse(status: status, headers: fields, body: Array(body.utf8))
    }

    /// `304 Not Modified`: no body, the validators and metadata the `200` would have carried.
    static func notModified(headers: [(String, String)]) -> HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name, value) }
        return HTTPResponse(status: .notModified, headers: fields)
    }

    /// An RFC 9457 error response.
    static func problem(_ problem: ProblemDetails, headers: [(String, String)] = []) -> HTTPResponse {
        text(problem.json.serialized(.init(pretty: true)), mediaType: .problemJSON,
            status: HTTPStatus(code: problem.status), headers: headers)
    }
}
