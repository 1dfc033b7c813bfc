/// A failure to set up the listening socket, for example because the address is in use.
public struct HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value of the failing system call (`EADDRINUSE`, `EACCES`, `EINVAL`, …).
    public let errno: Int32
    /// What the server was doing, with the system's explanation.
    public let message: String

    /// Creates an error.
    public init(errno: Int32, message: String) {
        self.errno = errno
        self.message = message
    }

    /// The message and the errno value.
    public var description: String { "\(message) (errno \(errno))" }
}
