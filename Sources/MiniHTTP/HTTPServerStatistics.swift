/// A snapshot of the server's counters since `start()`.
public struct HTTPServerStatistics: Sendable, Hashable {
    /// Connections accepted.
    public var connectionsAccepted: Int = 0
    /// Connections open right now.
    public var connectionsActive: Int = 0
    /// Requests that reached the handler and whose response was written.
    public var requestsServed: Int = 0
    /// Responses written (handler and protocol-error responses), keyed by status class 1…5.
    public var responsesByStatusClass: [Int: Int] = [:]
    /// Requests rejected by the parser or by a limit (400, 408, 413, 414, 417, 431, 501, 505).
    public var protocolErrors: Int = 0
    /// `accept()` failures other than the benign ECONNABORTED/EINTR/EAGAIN.
    public var acceptErrors: Int = 0
    /// Bytes read from clients.
    public var bytesReceived: Int = 0
    /// Bytes written to clients.
    public var bytesSent: Int = 0

    /// Creates an all-zero snapshot.
    public init() {}
}
