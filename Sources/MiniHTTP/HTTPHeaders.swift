/// An ordered list of header fields.
///
/// Order and the spelling of names are kept as given (RFC 9110 §5.3: the order of field lines
/// with the same name is significant), while look-ups compare names case-insensitively
/// (RFC 9110 §5.1: "Field names are case-insensitive"). Equality (`==`) is exact: same
/// fields, same order, same spelling.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, Hashable,
    CustomStringConvertible
{
    /// One field line.
    public typealias Element = (name: String, value: String)

    private var fields: [Field]

    fileprivate struct Field: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list from `(name, value)` pairs, keeping their order.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates a list from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The number of field lines.
    public var count: Int { fields.count }

    /// The value of the first field with this name, if any.
    public subscript(name: String) -> String? {
        for field in fields where HTTPHeaders.namesEqual(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of fields with this name, in order.
    public func values(for name: String) -> [String] {
        fields.lazy.filter { HTTPHeaders.namesEqual($0.name, name) }.map(\.value)
    }

    /// Whether at least one field has this name.
    public func contains(_ name: String) -> Bool {
        fields.contains { HTTPHeaders.namesEqual($0.name, name) }
    }

    /// Appends a field line, keeping any existing ones with the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field with this name by one field line, at the first one's position.
    public mutating func set(_ name: String, _ value: String) {
        if let first = fields.firstIndex(where: { HTTPHeaders.namesEqual($0.name, name) }) {
            fields[first] = Field(name: name, value: value)
            var index = first + 1
            while index < fields.count {
                if HTTPHeaders.namesEqual(fields[index].name, name) {
                    fields.remove(at: index)
                } else {
                    index += 1
                }
            }
        } else {
            fields.append(Field(name: name, value: value))
        }
    }

    /// Removes every field with this name.
    public mutating func remove(_ name: String) {
        fields.removeAll { HTTPHeaders.namesEqual($0.name, name) }
    }

    /// Iterates the field lines in order.
    public func makeIterator() -> Iterator {
        Iterator(fields: fields)
    }

    /// An iterator over the field lines.
    public struct Iterator: IteratorProtocol {
        private let fields: [Field]
        private var index = 0

        fileprivate init(fields: [Field]) {
            self.fields = fields
        }

        /// The next field line, or nil at the end.
        public mutating func next() -> Element? {
            guard index < fields.count else { return nil }
            defer { index += 1 }
            return (fields[index].name, fields[index].value)
        }
    }

    /// The field lines as `name: value`, one per line.
    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    /// Whether a comma-separated field (such as `Connection`) lists `token`, ignoring case.
    /// RFC 9110 §7.6.1: "Connection options are case-insensitive".
    func containsToken(_ token: String, inField name: String) -> Bool {
        for value in values(for: name) {
            for element in value.split(separator: ",") {
                let trimmed = element.trimmingOWS()
                if HTTPHeaders.namesEqual(String(trimmed), token) { return true }
            }
        }
        return false
    }

    /// ASCII case-insensitive comparison without allocating lower-cased copies.
    static func namesEqual(_ lhs: String, _ rhs: String) -> Bool {
        var lhsIterator = lhs.utf8.makeIterator()
        var rhsIterator = rhs.utf8.makeIterator()
        while true {
            switch (lhsIterator.next(), rhsIterator.next()) {
            case (nil, nil):
                return true
            case let (left?, right?):
                if left != right && ASCII.lowercased(left) != ASCII.lowercased(right) {
                    return false
                }
            default:
                return false
            }
        }
    }
}
