/// Why a JSON Patch could not be applied; the whole patch then has no effect (RFC 6902 §5).
public enum JSONPatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not an RFC 6901 pointer (no leading `/`, or a bad `~` escape).
    case invalidPointer(String)
    /// A pointer names a member or index that does not exist (or goes through a scalar).
    case pathNotFound(String)
    /// An array index is malformed (leading zero, `-` where not allowed) or out of range.
    case invalidIndex(String)
    /// The operation lacks its `value` or `from`.
    case missingArgument(op: String, argument: String)
    /// `move` into its own child, which would leave the value nowhere.
    case moveIntoChild(from: String, path: String)
    /// `remove` of the whole document, which RFC 6902 does not define.
    case cannotRemoveRoot
    /// A `test` operation found a different value.
    case testFailed(String)

    public var description: String {
        switch self {
        case .invalidPointer(let pointer): "invalid JSON pointer \"\(pointer)\""
        case .pathNotFound(let pointer): "no value at \"\(pointer)\""
        case .invalidIndex(let pointer): "invalid array index in \"\(pointer)\""
        case .missingArgument(let op, let argument): "\(op) needs \"\(argument)\""
        case .moveIntoChild(let from, let path): "cannot move \"\(from)\" into its own child \"\(path)\""
        case .cannotRemoveRoot: "cannot remove the whole document"
        case .testFailed(let pointer): "test failed at \"\(pointer)\""
        }
    }
}
