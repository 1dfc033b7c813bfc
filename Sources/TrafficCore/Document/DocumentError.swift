/// Why a byte stream could not be read as a YAML or JSON document.
///
/// These are *syntax* problems (the bytes are not a well-formed document); problems with the
/// content of a well-formed document are `FieldError`s.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The bytes are not UTF-8; `offset` is the index of the first bad byte.
        case invalidUTF8(offset: Int)
        /// libyaml or the JSON grammar rejected the text.
        case syntax
        /// A mapping repeats a key.
        case duplicateKey(String)
        /// A mapping key is itself a mapping or sequence.
        case nonScalarKey
        /// A scalar carries a tag other than the YAML core ones.
        case unsupportedTag(String)
        /// A number does not fit a 64-bit integer or a finite double.
        case numberOutOfRange(String)
        /// Nesting deeper than the limit (a guard against stack exhaustion).
        case tooDeep(limit: Int)
        /// More nodes than the limit once aliases are expanded (a guard against "billion laughs").
        case tooManyNodes(limit: Int)
        /// The stream holds no document where one was required.
        case empty
        /// The stream holds several documents where one was required.
        case multipleDocuments(count: Int)
    }

    public var reason: Reason
    public var message: String
    public var location: SourceLocation?

    public init(_ reason: Reason, message: String, location: SourceLocation? = nil) {
        self.reason = reason
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return message }
        return "\(message) (\(location))"
    }
}
