/// One problem with one field of a user's document: where it is and what is wrong.
///
/// `path` uses the dotted form users write (`routes[1].backends[0].weight`); an empty path
/// means the document as a whole.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var location: SourceLocation?
    /// The validator's diagnostic code (`TS1001` …, see docs/diagnostics.md), so a spec error
    /// and the same mistake found in a manifest carry the same code.
    public var code: String?

    public init(path: String, message: String, location: SourceLocation? = nil, code: String? = nil) {
        self.path = path
        self.message = message
        self.location = location
        self.code = code
    }

    public var description: String {
        let prefix = path.isEmpty ? "" : "\(path): "
        guard let location else { return prefix + message }
        return "\(prefix)\(message) (\(location))"
    }
}
