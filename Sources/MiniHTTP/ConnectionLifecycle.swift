/// The deadline and keep-alive rules of one connection, as a pure value so they can be tested
/// with made-up instants instead of real waiting (style guide B7: the idle and deadline logic is
/// a state machine with an injected clock).
struct ConnectionLifecycle<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What the connection is waiting for.
    enum Phase: Equatable, Sendable {
        /// Just accepted, no byte yet: the head deadline already runs from accept.
        case awaitingFirstRequest
        /// Between requests on a kept-alive connection.
        case idle
        /// Some bytes of a head have arrived.
        case readingHead
        /// The head is complete; the body is being read.
        case readingBody
        /// The request is being handled and answered; no read deadline applies.
        case responding
    }

    /// What to do when the current deadline passes.
    enum Expiry: Equatable, Sendable {
        /// Answer 408 and close (head or body too slow).
        case requestTimeout
        /// Close without a response (an idle keep-alive connection, RFC 9112 §9.8 allows it).
        case closeSilently
        /// No deadline applies.
        case none
    }

    let limits: HTTPLimits
    private(set) var phase: Phase
    /// When the current wait ends; meaningless while `.responding`.
    private(set) var deadline: Instant
    private(set) var requestsServed = 0

    init(limits: HTTPLimits, acceptedAt: Instant) {
        self.limits = limits
        self.phase = .awaitingFirstRequest
        // RFC 9112 §9.8 leaves time-outs to the server; style guide B5 starts the first head's
        // clock at accept so a client that connects and sends nothing is bounded too.
        self.deadline = acceptedAt.advanced(by: limits.headerTimeout)
    }

    /// What happens if the deadline passes in the current phase.
    var expiry: Expiry {
        switch phase {
        case .awaitingFirstRequest, .readingHead, .readingBody: .requestTimeout
        case .idle: .closeSilently
        case .responding: .none
        }
    }

    /// The first byte of a request arrived at `now`.
    mutating func requestStarted(at now: Instant) {
        switch phase {
        case .awaitingFirstRequest:
            phase = .readingHead  // keep the deadline measured from accept
        case .idle, .responding:
            phase = .readingHead
            deadline = now.advanced(by: limits.headerTimeout)
        case .readingHead, .readingBody:
            break
        }
    }

    /// The head is complete; the body deadline starts.
    mutating func headCompleted(at now: Instant) {
        phase = .readingBody
        deadline = now.advanced(by: limits.bodyTimeout)
    }

    /// The body is complete; the handler runs and the response is written.
    mutating func bodyCompleted() {
        phase = .responding
    }

    /// Decides whether the connection persists after the response being sent.
    ///
    /// RFC 9112 §9.3 (the client's wish), the per-connection request cap, an ongoing shutdown,
    /// and a handler asking for `Connection: close` all end it.
    mutating func responseDecided(clientWantsKeepAlive: Bool, draining: Bool, handlerRequestsClose: Bool) -> Bool {
        requestsServed += 1
        return clientWantsKeepAlive
            && requestsServed < limits.maxRequestsPerConnection
            && !draining
            && !handlerRequestsClose
    }

    /// The response was written and the connection persists: the idle deadline starts.
    mutating func responseSent(at now: Instant) {
        phase = .idle
        deadline = now.advanced(by: limits.idleTimeout)
    }

    /// Whether the deadline has passed at `now`.
    func isExpired(at now: Instant) -> Bool {
        phase != .responding && now >= deadline
    }

    /// The `Connection` value for a response: `close` when closing, `keep-alive` for an HTTP/1.0
    /// client that asked for it (RFC 9112 §9.3: otherwise a 1.0 client assumes close), none for
    /// a persisting HTTP/1.1 connection.
    static func connectionHeader(keepAlive: Bool, version: HTTPVersion) -> String? {
        if !keepAlive { return "close" }
        return version == .http1_0 ? "keep-alive" : nil
    }
}
