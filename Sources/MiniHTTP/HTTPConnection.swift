#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import Synchronization

/// Serves one accepted socket on its own thread until it closes.
///
/// Requests are read, handled and answered strictly one after another, so pipelined requests
/// are answered in order; bytes after one request stay in `buffer` for the next. The buffer only
/// grows when the parser or body reader asks for more, one read (64 KiB) at a time, so what a
/// client can make the server hold is bounded by the head and body limits plus one read.
final class HTTPConnection {
    private let fd: Int32
    private let remoteAddress: String
    private let context: ServerContext
    private typealias Lifecycle = ConnectionLifecycle<ContinuousClock.Instant>
    private var limits: HTTPLimits { context.limits }

    private var buffer: [UInt8] = []
    /// Start of the bytes not consumed yet.
    private var readIndex = 0
    private let scratch: UnsafeMutableRawBufferPointer
    private var parser: HTTPRequestHeadParser
    private var lifecycle: Lifecycle
    private var dates = HTTPDateCache()

    private static let readSize = 64 * 1024
    private static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    init(fd: Int32, remoteAddress: String, context: ServerContext, acceptedAt: ContinuousClock.Instant) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.context = context
        self.scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: HTTPConnection.readSize, alignment: 16)
        self.parser = HTTPRequestHeadParser(limits: context.limits)
        self.lifecycle = ConnectionLifecycle(limits: context.limits, acceptedAt: acceptedAt)
    }

    deinit {
        scratch.deallocate()
    }

    /// What to do after one request.
    private enum Outcome {
        case keepAlive
        /// Close; `linger` says a response was sent that the client must be able to read.
        case close(linger: Bool)
    }

    /// Serves requests until the connection ends, then closes the socket.
    func run() {
        var linger = false
        serving: while true {
            switch serveOne() {
            case .keepAlive: continue serving
            case .close(let shouldLinger):
                linger = shouldLinger
                break serving
            }
        }
        finish(linger: linger)
    }

    // MARK: - One request

    private func serveOne() -> Outcome {
        // Phase 1: wait for the first byte of the next request. Only here may a shutdown close
        // the connection without an answer, so only here is the wake descriptor polled.
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
            if context.draining.load(ordering: .relaxed) { return .close(linger: false) }
            switch readMore(deadline: lifecycle.deadline, wake: true) {
            case .bytes:
                break
            case .timedOut:
                if lifecycle.expiry == .requestTimeout {
                    return fail(HTTPParseError(status: .requestTimeout, reason: "no request head within the header timeout"))
                }
                return .close(linger: false)
            case .endOfFile, .woken, .failed:
                return .close(linger: false)
            }
        } else if readIndex > 0 {
            // Compact so a long pipelined stream does not grow the buffer forever.
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        lifecycle.requestStarted(at: ContinuousClock.now)

        // Phase 2: the head, under one overall deadline (style guide C2 #4: a per-read timeout
        // alone lets a drip-feed through).
        var head: HTTPRequestHead
        parsing: while true {
            switch parser.parse(buffer[readIndex...]) {
            case .needMoreData:
                switch readMore(deadline: lifecycle.deadline, wake: false) {
                case .bytes: continue parsing
                case .timedOut:
                    return fail(HTTPParseError(status: .requestTimeout, reason: "request head not received within the header timeout"))
                case .endOfFile, .woken, .failed:
                    return .close(linger: false)
                }
            case .error(let error):
                return fail(error)
            case .head(let parsed, let consumed):
                head = parsed
                readIndex += consumed
                break parsing
            }
        }
        lifecycle.headCompleted(at: ContinuousClock.now)

        // Phase 3: the body.
        let body: [UInt8]
        switch readBody(head: head, deadline: lifecycle.deadline) {
        case .success(let bytes): body = bytes
        case .failure(.protocolError(let error)): return fail(error, requestIDHeader: head.headers["X-Request-Id"])
        case .failure(.gone): return .close(linger: false)
        }
        lifecycle.bodyCompleted()

        // Phase 4: handle and answer.
        let requestID = context.requestIDs.requestID(incoming: head.headers["X-Request-Id"])
        let request = HTTPRequest(
            method: head.method, target: head.target, parsedTarget: head.parsedTarget,
            version: head.version, headers: head.headers, body: body, requestID: requestID,
            remoteAddress: remoteAddress)
        let started = ContinuousClock.now
        var response = context.handler(request)

        var keepAlive = lifecycle.responseDecided(
            clientWantsKeepAlive: head.clientWantsKeepAlive,
            draining: context.draining.load(ordering: .relaxed),
            handlerRequestsClose: response.headers.containsToken("close", inField: "Connection"))
        let isHead = head.method == .head
        var framing = HTTPResponseSerializer.framing(for: response, isHead: isHead)
        var headBytes: [UInt8]
        do throws(HTTPResponseSerializer.InvalidHeader) {
            headBytes = try HTTPResponseSerializer.head(
                for: response, framing: framing, date: dates.current(),
                connection: Lifecycle.connectionHeader(keepAlive: keepAlive, version: head.version),
                requestID: requestID)
        } catch {
            context.logger.error(
                "handler produced an invalid response header",
                metadata: ["request_id": "\(requestID)", "reason": "\(error.reason)"])
            keepAlive = false
            response = .problem(.internalServerError, detail: "the server produced an invalid response")
            framing = HTTPResponseSerializer.framing(for: response, isHead: isHead)
            headBytes = (try? HTTPResponseSerializer.head(
                for: response, framing: framing, date: dates.current(),
                connection: "close", requestID: requestID)) ?? []
        }
        // Counted before writing so a client that has read the response sees it in statistics.
        context.counters.requestsServed.add(1, ordering: .relaxed)
        context.counters.countResponse(status: response.status.code)
        let written = write(head: headBytes, body: framing.sendsBody ? response.body : [])
        let duration = ContinuousClock.now - started
        logAccess(request: request, status: response.status.code, bytes: framing.sendsBody ? response.body.count : 0, duration: duration)
        guard written else { return .close(linger: false) }
        guard keepAlive else { return .close(linger: true) }
        lifecycle.responseSent(at: ContinuousClock.now)
        return .keepAlive
    }

    // MARK: - Body

    private enum BodyFailure: Error {
        case protocolError(HTTPParseError)
        /// The client went away or the socket failed; nothing can be answered.
        case gone
    }

    private func readBody(head: HTTPRequestHead, deadline: ContinuousClock.Instant) -> Result<[UInt8], BodyFailure> {
        if head.framing.hasBody && head.expectsContinue && head.version == .http1_1 && readIndex == buffer.count {
            // RFC 9110 §10.1.1: the server either answers the request finally or sends 100 before
            // reading. Limits were checked by the parser, so reaching here means "accepted".
            guard write(head: HTTPConnection.continueResponse, body: []) else { return .failure(.gone) }
            context.counters.countResponse(status: 100)
        }
        let timeout = HTTPParseError(status: .requestTimeout, reason: "request body not received within the body timeout")
        switch head.framing {
        case .none:
            return .success([])
        case .contentLength(let length):
            while buffer.count - readIndex < length {
                switch readMore(deadline: deadline, wake: false) {
                case .bytes: continue
                case .timedOut: return .failure(.protocolError(timeout))
                case .endOfFile, .woken, .failed: return .failure(.gone)
                }
            }
            let body = Array(buffer[readIndex..<(readIndex + length)])
            readIndex += length
            return .success(body)
        case .chunked:
            var decoder = ChunkedBodyDecoder(limits: limits)
            while true {
                switch decoder.feed(buffer[readIndex...]) {
                case .complete(let consumed):
                    readIndex += consumed
                    return .success(decoder.body)
                case .error(let error):
                    return .failure(.protocolError(error))
                case .needMoreData:
                    readIndex = buffer.count
                    switch readMore(deadline: deadline, wake: false) {
                    case .bytes: continue
                    case .timedOut: return .failure(.protocolError(timeout))
                    case .endOfFile, .woken, .failed: return .failure(.gone)
                    }
                }
            }
        }
    }

    // MARK: - I/O

    private func readMore(deadline: ContinuousClock.Instant, wake: Bool) -> Socket.ReadOutcome {
        if readIndex == buffer.count && readIndex > 0 {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        }
        let outcome = Socket.read(
            fd, appendingTo: &buffer, scratch: scratch, deadline: deadline,
            wakeFD: wake ? context.wakeFD : nil)
        if case .bytes(let count) = outcome {
            context.counters.bytesReceived.add(count, ordering: .relaxed)
        }
        return outcome
    }

    /// Writes head and body, in one `send` when the body is small.
    private func write(head: [UInt8], body: [UInt8]) -> Bool {
        let deadline = ContinuousClock.now + limits.writeTimeout
        let written: Bool
        if body.isEmpty {
            written = Socket.writeAll(fd, head, deadline: deadline)
        } else if body.count <= 64 * 1024 {
            written = Socket.writeAll(fd, head + body, deadline: deadline)
        } else {
            written = Socket.writeAll(fd, head, deadline: deadline) && Socket.writeAll(fd, body, deadline: deadline)
        }
        if written {
            context.counters.bytesSent.add(head.count + body.count, ordering: .relaxed)
        }
        return written
    }

    /// Answers a rejected request and closes: once framing is in doubt nothing after it can be
    /// trusted (RFC 9112 §11.2).
    private func fail(_ error: HTTPParseError, requestIDHeader: String? = nil) -> Outcome {
        let requestID = context.requestIDs.requestID(incoming: requestIDHeader)
        context.counters.protocolErrors.add(1, ordering: .relaxed)
        context.logger.notice(
            "rejected request",
            metadata: [
                "request_id": "\(requestID)", "status": "\(error.status.code)",
                "reason": "\(error.reason)", "remote": "\(remoteAddress)",
            ])
        let response = HTTPResponse.problem(error.status, detail: error.reason)
        let framing = HTTPResponseSerializer.framing(for: response, isHead: false)
        guard let head = try? HTTPResponseSerializer.head(
            for: response, framing: framing, date: dates.current(), connection: "close",
            requestID: requestID)
        else { return .close(linger: false) }
        context.counters.countResponse(status: error.status.code)
        return .close(linger: write(head: head, body: response.body))
    }

    /// Closes the socket. After a response, half-close first and discard what the client still
    /// sends for a moment: closing with unread input makes the kernel send RST, which can destroy
    /// the response before the client reads it (RFC 9112 §9.6, "lingering close").
    private func finish(linger: Bool) {
        if linger {
            Socket.shutdownWrite(fd)
            let deadline = ContinuousClock.now + .seconds(1)
            var discarded = 0
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
            while discarded < 1 << 20 {
                guard case .bytes(let count) = readMore(deadline: deadline, wake: false) else { break }
                discarded += count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        _ = context.connections.withLock { $0.remove(fd) }
        close(fd)
    }

    private func logAccess(request: HTTPRequest, status: Int, bytes: Int, duration: Duration) {
        context.logger.info(
            "request",
            metadata: [
                "request_id": "\(request.requestID)",
                "method": "\(request.method)",
                "target": "\(request.target.count > 256 ? String(request.target.prefix(256)) : request.target)",
                "status": "\(status)",
                "bytes": "\(bytes)",
                "duration_ms": "\(HTTPConnection.milliseconds(duration))",
                "remote": "\(remoteAddress)",
            ])
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let whole = micros / 1000
        let fraction = micros % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(whole).\(padded)"
    }
}
