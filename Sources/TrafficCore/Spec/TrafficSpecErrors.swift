/// Every problem found in a spec, sorted by source position (then path), so a user can fix
/// them all in one pass.
public struct TrafficSpecErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors.sorted(by: Self.order)
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// Located errors first, in reading order; then unlocated ones by path.
    static func order(_ lhs: FieldError, _ rhs: FieldError) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (lhs.path, lhs.message) < (rhs.path, rhs.message)
        }
    }
}
