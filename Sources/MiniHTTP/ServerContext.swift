import Logging
import Synchronization

/// Everything connection threads share, immutable or behind atomics and a mutex, so it is
/// `Sendable` without `@unchecked`.
final class ServerContext: Sendable {
    let limits: HTTPLimits
    let logger: Logger
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    let requestIDs = RequestIDGenerator()
    let counters = StatisticsCounters()
    /// Set when `shutdown()` begins: no new keep-alive, responses say `Connection: close`.
    let draining = Atomic<Bool>(false)
    /// The read end of a pipe written once at shutdown and never read, so it stays readable and
    /// wakes every idle connection polling it.
    let wakeFD: Int32
    /// Descriptors of open connections. A connection removes itself *before* closing its
    /// descriptor and force-close runs under the same lock, so `shutdown(2)` can never hit a
    /// descriptor number that was closed and reused.
    let connections = Mutex<Set<Int32>>([])

    init(
        limits: HTTPLimits, logger: Logger, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse,
        wakeFD: Int32
    ) {
        self.limits = limits
        self.logger = logger
        self.handler = handler
        self.wakeFD = wakeFD
    }
}
