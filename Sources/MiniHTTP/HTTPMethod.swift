/// An HTTP request method.
///
/// RFC 9110 §9.1: "The method token is case-sensitive", so the raw value is kept exactly as
/// received; any token is representable so that unknown methods reach the router and earn a 405
/// rather than a parse error.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as received, for example `GET`.
    public let rawValue: String

    /// Creates a method from any token. Never fails: the parser has already checked the token
    /// syntax, and programmatic callers choose their own spelling.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The method token.
    public var description: String { rawValue }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `OPTIONS`.
    public static let options = HTTPMethod(rawValue: "OPTIONS")
}
