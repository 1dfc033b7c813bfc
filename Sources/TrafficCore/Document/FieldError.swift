/// One problem with one field of a user's document: where it is and what is wrong.
///
/// `path` uses the dotted form users write (`routes[1].backends[0].weight`); an empty path
/// means the document as a whole.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var location: SourceLocation?

    public init(path: String, message: String, location: SourceLocation? = nil) {
        self.path = path
        self.message = message
        self.location = location
    }

    public var description: String {
        let prefix = path.isEmpty ? "" : "\(path): "
        guard let location else { return prefix + message }
        return "\(prefix)\(message) (\(location))"
    }
}
