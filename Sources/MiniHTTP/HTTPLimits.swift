/// Size and time limits that bound the work one client can make the server do.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest accepted request line, excluding CRLF; longer → 414.
    public var maxRequestLineBytes: Int
    /// Largest header block (fields plus their CRLFs and the final empty line); larger → 431.
    public var maxHeaderBytes: Int
    /// Most header fields in one request; more → 431. Also bounds chunked trailers.
    public var maxHeaderCount: Int
    /// Largest accepted body; larger → 413 (checked against `Content-Length` before reading).
    public var maxBodyBytes: Int
    /// Time to receive a whole request head, from its first byte (or from accept); then 408.
    public var headerTimeout: Duration
    /// Time to receive a whole body once the head is in; then 408.
    public var bodyTimeout: Duration
    /// How long a keep-alive connection may sit without a byte before it is closed silently.
    public var idleTimeout: Duration
    /// Time to write one whole response; a slower client is dropped.
    public var writeTimeout: Duration
    /// Requests served on one connection before the server closes it.
    public var maxRequestsPerConnection: Int
    /// Connections served at once; at the cap the server stops accepting.
    public var maxConnections: Int

    /// Creates limits; every default follows the service's style guide (B5).
    public init(
        maxRequestLineBytes: Int = 8192,
        maxHeaderBytes: Int = 16384,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1_048_576,
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(5),
        writeTimeout: Duration = .seconds(10),
        maxRequestsPerConnection: Int = 1000,
        maxConnections: Int = 256
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.maxConnections = maxConnections
    }
}
