import MiniHTTP
import TrafficCore

/// Reading and checking path and query parameters, with errors that name the parameter.
enum RequestParameters {
    static let defaultPageSize = 50
    static let maxPageSize = 500

    /// The `{name}` path parameter, which must be a DNS-1123 label like every spec name.
    static func specName(_ request: HTTPRequest) throws(APIError) -> String {
        let name = request.pathParameters["name"] ?? ""
        if let problem = DNSName.labelProblem(name) {
            throw .invalidParameter(name: "name", value: name, reason: "spec name \(problem)")
        }
        return name
    }

    /// An optional query parameter that names a spec or an environment: a DNS-1123 label.
    static func label(_ request: HTTPRequest, query name: String) throws(APIError) -> String? {
        guard let value = request.queryValue(name) else { return nil }
        if let problem = DNSName.labelProblem(value) {
            throw .invalidParameter(name: name, value: value, reason: "\(name) name \(problem)")
        }
        return value
    }

    /// A revision selector: a positive number, or `latest` (nil).
    static func revision(_ text: String, parameter: String) throws(APIError) -> Int? {
        if text == "latest" { return nil }
        guard let number = Int(text), number >= 1, text.allSatisfy(\.isASCII) else {
            throw .invalidParameter(name: parameter, value: text, reason: "expected a revision number (1, 2, …) or 'latest'")
        }
        return number
    }

    static func limit(_ request: HTTPRequest) throws(APIError) -> Int {
        guard let text = request.queryValue("limit") else { return defaultPageSize }
        guard let limit = Int(text), (1...maxPageSize).contains(limit) else {
            throw .invalidParameter(name: "limit", value: text, reason: "expected an integer from 1 to \(maxPageSize)")
        }
        return limit
    }

    static func cursor(_ request: HTTPRequest) throws(APIError) -> String? {
        guard let text = request.queryValue("cursor"), !text.isEmpty else { return nil }
        return try PageCursor.decode(text)
    }

    /// A cursor that wraps a store id (a rollout id, an audit sequence number); `kind` names it
    /// in the error.
    static func idCursor(_ request: HTTPRequest, of kind: String) throws(APIError) -> Int64? {
        guard let cursor = try cursor(request) else { return nil }
        guard let id = Int64(cursor) else {
            throw .invalidParameter(name: "cursor", value: cursor, reason: "not \(kind) cursor")
        }
        return id
    }

    /// A boolean query parameter: `true`/`false` (or `1`/`0`); absent is false.
    static func flag(_ request: HTTPRequest, _ name: String) throws(APIError) -> Bool {
        guard let text = request.queryValue(name) else { return false }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidParameter(name: name, value: text, reason: "expected true or false")
        }
    }

    /// The link to the next page, carrying the same limit.
    static func nextLink(path: String, cursor: String, limit: Int) -> String {
        "<\(path)?limit=\(limit)&cursor=\(cursor)>; rel=\"next\""
    }
}
