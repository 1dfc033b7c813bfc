/// The revision a writer based its change on (optimistic concurrency, e.g. from `If-Match`).
public enum ExpectedBase: Sendable, Equatable, CustomStringConvertible {
    /// The latest revision must have this digest.
    case digest(String)
    /// The latest revision must have this number.
    case number(Int)

    /// `digest:<hex>` or `number:<n>`, for error messages.
    public var description: String {
        switch self {
        case .digest(let digest): "digest:\(digest)"
        case .number(let number): "number:\(number)"
        }
    }
}
