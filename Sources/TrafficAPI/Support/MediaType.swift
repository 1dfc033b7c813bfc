/// A parsed media type (`type/subtype; params`), compared case-insensitively.
struct MediaType: Sendable, Equatable, CustomStringConvertible {
    var type: String
    var subtype: String
    var parameters: [String: String]

    static let json = MediaType(type: "application", subtype: "json")
    static let yaml = MediaType(type: "application", subtype: "yaml")
    static let problemJSON = MediaType(type: "application", subtype: "problem+json")
    static let plainText = MediaType(type: "text", subtype: "plain")
    /// JUnit XML reports (CI systems accept them as `application/xml`).
    static let junitXML = MediaType(type: "application", subtype: "xml")
    static let prometheusText = MediaType(type: "text", subtype: "plain", parameters: ["version": "0.0.4"])

    init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// Parses `type/subtype *( ";" name=value )` (RFC 9110 §8.3.1); nil when malformed.
    init?(parsing text: String) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard let essence = parts.first else { return nil }
        let names = essence.trimmingSpaces.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
        type = String(names[0])
        subtype = String(names[1])
        parameters = [:]
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = pair[1].trimmingSpaces
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            parameters[pair[0].trimmingSpaces.lowercased()] = value
        }
    }

    /// `type/subtype` without parameters.
    var essence: String { "\(type)/\(subtype)" }

    var description: String {
        parameters.isEmpty
            ? essence : essence + parameters.sorted { $0.key < $1.key }.map { "; \($0.key)=\($0.value)" }.joined()
    }

    /// The `Content-Type` header value we send: UTF-8 is explicit for textual types.
    var headerValue: String {
        switch (type, subtype) {
        case ("application", "json"), ("application", "problem+json"): essence
        default: parameters["charset"] == nil && type == "text" ? description + "; charset=utf-8" : description
        }
    }

    /// Whether `self`, used as a media range (`*/*`, `application/*`), covers `other`.
    func matches(_ other: MediaType) -> Bool {
        (type == "*" || type == other.type) && (subtype == "*" || subtype == other.subtype)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        guard let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
