import TrafficCore

/// An RFC 9457 problem document, the body of every error response.
struct ProblemDetails: Sendable {
    /// One field-level error inside a problem (`errors[]`).
    struct FieldIssue: Sendable, Equatable {
        var path: String
        var message: String
        var line: Int?
        var column: Int?
        /// The diagnostic code (docs/diagnostics.md), when the error has one.
        var code: String? = nil
    }

    /// A URI reference naming the problem class; relative to the API's documentation.
    var type: String
    var title: String
    var status: Int
    var detail: String
    var requestID: String?
    var errors: [FieldIssue] = []
    /// Extension members (RFC 9457 §3.2), e.g. the latest revision on a 412.
    var extensions: [(String, JSONValue)] = []

    var json: JSONValue {
        var object = JSONObject()
        object["type"] = .string(type)
        object["title"] = .string(title)
        object["status"] = .integer(Int64(status))
        object["detail"] = .string(detail)
        if let requestID { object["requestId"] = .string(requestID) }
        if !errors.isEmpty {
            object["errors"] = .array(
                errors.map { issue in
                    var entry = JSONObject()
                    if let code = issue.code { entry["code"] = .string(code) }
                    entry["path"] = .string(issue.path)
                    entry["message"] = .string(issue.message)
                    if let line = issue.line { entry["line"] = .integer(Int64(line)) }
                    if let column = issue.column { entry["column"] = .integer(Int64(column)) }
                    return .object(entry)
                })
        }
        for (key, value) in extensions { object[key] = value }
        return .object(object)
    }
}

extension ProblemDetails.FieldIssue {
    init(_ error: FieldError) {
        self.init(
            path: error.path, message: error.message, line: error.location?.line, column: error.location?.column,
            code: error.code)
    }
}
