#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Logging
import Synchronization

/// A small HTTP/1.1 server: blocking sockets, one accept thread and one thread per connection
/// (threads are reused across connections, see `ConnectionThreads`).
///
/// Handlers are synchronous and run on the connection's own thread, never on Swift's cooperative
/// pool, so they may block (SQLite, rendering) without starving async code (style guide B4).
public final class HTTPServer: Sendable {
    private let configuration: HTTPServerConfiguration
    private let context: ServerContext
    private let wakeWriteFD: Int32
    private let state = Mutex<State>(State())
    /// Signalled once by the accept thread when it leaves its loop.
    private let acceptLoopFinished = DispatchSemaphore(value: 0)
    /// One permit per connection slot: the accept thread takes one before `accept()`, so at the
    /// cap it stops accepting and new clients wait in the kernel backlog.
    private let connectionSlots: DispatchSemaphore
    /// Entered by `start()`, left when `shutdown()` is done; `waitUntilStopped()` waits on it.
    private let running = DispatchGroup()
    /// The connection threads, kept between connections.
    private let threads: ConnectionThreads

    private struct State {
        var phase = Phase.idle
        var localPort = 0
    }

    private enum Phase {
        case idle, running, stopping, stopped
    }

    /// Ignore SIGPIPE once per process (style guide C2 #1); `MSG_NOSIGNAL` covers each send too.
    private static let ignoreSIGPIPE: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Creates a server; nothing is bound until `start()`.
    /// - Parameters:
    ///   - configuration: address, port, limits and shutdown grace period.
    ///   - logger: receives one `info` access line per request and `notice` lines for rejected
    ///     requests.
    ///   - handler: answers every accepted request; called on the connection's thread.
    public init(
        configuration: HTTPServerConfiguration,
        logger: Logger,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        self.configuration = configuration
        // A pipe whose write end gets one byte at shutdown and whose read end is never read:
        // it stays readable, so every poller sees the wake-up (eventfd is not exported to Swift).
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        } else {
            ends = [-1, -1]
        }
        self.wakeWriteFD = ends[1]
        self.context = ServerContext(
            limits: configuration.limits, logger: logger, handler: handler, wakeFD: ends[0])
        self.connectionSlots = DispatchSemaphore(value: max(1, configuration.limits.maxConnections))
        self.threads = ConnectionThreads(idleLimit: min(64, configuration.limits.maxConnections))
    }

    deinit {
        let phase = state.withLock { $0.phase }
        if phase == .running {
            // Released without shutdown(): stop the accept thread (it closes the listener) and
            // let connections finish on their own. The wake pipe is leaked on purpose, because
            // those threads may still poll it.
            context.draining.store(true, ordering: .sequentiallyConsistent)
            var one: UInt8 = 1
            _ = Socket.retryingOnEINTR { write(wakeWriteFD, &one, 1) }
            threads.stop()
            running.leave()
            return
        }
        // A connection thread stuck in a handler after a forced shutdown may still poll the
        // read end; leak it rather than let the number be reused under that thread.
        if context.wakeFD >= 0 && context.counters.connectionsActive.load(ordering: .relaxed) == 0 {
            close(context.wakeFD)
        }
        if wakeWriteFD >= 0 { close(wakeWriteFD) }
    }

    /// Binds, listens and starts the accept thread; returns once the socket is listening.
    /// - Throws: `HTTPServerError` if the address is invalid or in use, or the server was
    ///   already started.
    public func start() throws(HTTPServerError) {
        _ = HTTPServer.ignoreSIGPIPE
        guard context.wakeFD >= 0 else {
            throw HTTPServerError(errno: EMFILE, message: "cannot create the shutdown pipe")
        }
        // Claim the start under the lock so concurrent calls cannot both bind.
        let claimed = state.withLock { state in
            guard state.phase == .idle else { return false }
            state.phase = .running
            running.enter()
            return true
        }
        guard claimed else {
            throw HTTPServerError(errno: EINVAL, message: "the server was already started")
        }
        let listener: (fd: Int32, port: Int)
        do throws(HTTPServerError) {
            listener = try Listener.open(host: configuration.host, port: configuration.port, backlog: 1024)
        } catch {
            let shutdownBegan = state.withLock { state in
                guard state.phase == .running else { return true }
                state.phase = .idle
                return false
            }
            if shutdownBegan {
                // A concurrent shutdown() is waiting for an accept loop that will never run; it
                // finishes the stop (and leaves `running`) itself.
                acceptLoopFinished.signal()
            } else {
                running.leave()
            }
            throw error
        }
        state.withLock { $0.localPort = listener.port }
        let context = self.context
        let slots = connectionSlots
        let finished = acceptLoopFinished
        let threads = self.threads
        let thread = Thread {
            HTTPServer.acceptLoop(listenFD: listener.fd, context: context, slots: slots, threads: threads)
            close(listener.fd)
            finished.signal()
        }
        thread.name = "MiniHTTP.accept"
        thread.start()
        context.logger.info(
            "listening",
            metadata: ["host": "\(configuration.host)", "port": "\(listener.port)"])
    }

    /// The bound port (meaningful after `start()`; useful when configured with port 0).
    public var localPort: Int {
        state.withLock { $0.localPort }
    }

    /// A snapshot of the counters.
    public var statistics: HTTPServerStatistics {
        context.counters.snapshot
    }

    /// Stops gracefully; returns when done. Idempotent, and safe to call from several threads.
    ///
    /// Stops accepting and closes the listener, wakes idle keep-alive connections and closes
    /// them, lets in-flight requests finish (their responses carry `Connection: close`), waits up
    /// to `shutdownGracePeriod`, then shuts down the sockets of the rest. Blocks the calling
    /// thread, so call it from a thread or dispatch queue, not from a Swift concurrency task.
    public func shutdown() {
        let previous: Phase = state.withLock { state in
            let phase = state.phase
            if phase == .running { state.phase = .stopping }
            if phase == .idle { state.phase = .stopped }
            return phase
        }
        switch previous {
        case .idle, .stopped:
            return
        case .stopping:
            running.wait()
            return
        case .running:
            break
        }
        let logger = context.logger
        logger.info("shutting down", metadata: ["active_connections": "\(context.counters.connectionsActive.load(ordering: .relaxed))"])
        context.draining.store(true, ordering: .sequentiallyConsistent)
        var one: UInt8 = 1
        _ = Socket.retryingOnEINTR { write(wakeWriteFD, &one, 1) }

        // The accept thread closes the listener as it leaves, so new clients are refused from now.
        acceptLoopFinished.wait()

        let graceDeadline = ContinuousClock.now + configuration.shutdownGracePeriod
        waitForConnections(until: graceDeadline)
        let remaining = context.counters.connectionsActive.load(ordering: .relaxed)
        if remaining > 0 {
            logger.warning("grace period over, closing connections", metadata: ["connections": "\(remaining)"])
            context.connections.withLock { descriptors in
                for fd in descriptors { Socket.shutdownBoth(fd) }
            }
            // Threads blocked in socket calls return at once; a handler stuck in its own code
            // cannot be interrupted, so do not wait for it forever.
            waitForConnections(until: ContinuousClock.now + .seconds(2))
        }
        threads.stop()
        state.withLock { $0.phase = .stopped }
        logger.info("stopped")
        running.leave()
    }

    /// Blocks until `shutdown()` has finished; returns at once if the server never started.
    public func waitUntilStopped() {
        running.wait()
    }

    private func waitForConnections(until deadline: ContinuousClock.Instant) {
        while context.counters.connectionsActive.load(ordering: .relaxed) > 0 && ContinuousClock.now < deadline {
            usleep(5_000)
        }
    }

    // MARK: - Accept loop

    /// Runs until shutdown. Style guide C2 #9: the loop never dies on an accept error.
    private static func acceptLoop(listenFD: Int32, context: ServerContext, slots: DispatchSemaphore, threads: ConnectionThreads) {
        let logger = context.logger
        while !context.draining.load(ordering: .relaxed) {
            // At the cap, wait here (re-checking for shutdown) instead of accepting.
            guard slots.wait(timeout: .now() + .milliseconds(100)) == .success else { continue }
            var descriptors = (
                pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: context.wakeFD, events: Int16(POLLIN), revents: 0)
            )
            let ready = withUnsafeMutableBytes(of: &descriptors) { raw in
                // Safe: the buffer of a two-element tuple is never empty.
                let pointer = raw.baseAddress!.assumingMemoryBound(to: pollfd.self)
                return Socket.retryingOnEINTR { poll(pointer, 2, 250) }
            }
            guard ready > 0, descriptors.0.revents != 0, descriptors.1.revents == 0 else {
                slots.signal()
                if ready < 0 {
                    let code = errno
                    logger.error("poll on the listener failed", metadata: ["errno": "\(code)"])
                    usleep(100_000)
                }
                continue
            }
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    Socket.retryingOnEINTR { accept(listenFD, socketAddress, &length) }
                }
            }
            guard fd >= 0 else {
                let code = errno
                slots.signal()
                switch code {
                case EAGAIN, EWOULDBLOCK, ECONNABORTED, EINTR, EPROTO:
                    continue
                default:
                    // EMFILE, ENFILE, ENOBUFS, ENOMEM and anything unexpected: back off and
                    // retry; connections in the backlog wait meanwhile.
                    context.counters.acceptErrors.add(1, ordering: .relaxed)
                    logger.error("accept failed, backing off", metadata: ["errno": "\(code)", "error": "\(Socket.errorText(code))"])
                    usleep(100_000)
                    continue
                }
            }
            let acceptedAt = ContinuousClock.now
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            // Responses are written whole; Nagle would only delay the last segment.
            Socket.setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
            let remote = Socket.describe(address)
            context.counters.connectionsAccepted.add(1, ordering: .relaxed)
            context.counters.connectionsActive.add(1, ordering: .relaxed)
            _ = context.connections.withLock { $0.insert(fd) }
            threads.run {
                let connection = HTTPConnection(fd: fd, remoteAddress: remote, context: context, acceptedAt: acceptedAt)
                connection.run()
                context.counters.connectionsActive.subtract(1, ordering: .relaxed)
                slots.signal()
            }
        }
    }
}
