#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deliberately dumb blocking HTTP client for end-to-end tests: it sends exactly the bytes it
/// is given (malformed, pipelined or drip-fed) and parses responses by `Content-Length`.
public final class RawClient {
    public enum Failure: Error, CustomStringConvertible {
        case connect(Int32)
        case send(Int32)
        case timedOut(received: String)
        case closed(received: String)
        case malformed(String)

        public var description: String {
            switch self {
            case .connect(let code): "connect failed: errno \(code)"
            case .send(let code): "send failed: errno \(code)"
            case .timedOut(let received): "timed out; buffered: \(received.debugDescription)"
            case .closed(let received): "closed by peer; buffered: \(received.debugDescription)"
            case .malformed(let text): "malformed response: \(text)"
            }
        }
    }

    public struct Response {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        public func headerCount(_ name: String) -> Int {
            headers.filter { $0.0.lowercased() == name.lowercased() }.count
        }

        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    public let fd: Int32
    public private(set) var buffer: [UInt8] = []
    private var closed = false

    public init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure.connect(code)
        }
    }

    deinit { close() }

    public func close() {
        if !closed {
            closed = true
            Glibc.close(fd)
        }
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw Failure.send(errno) }
            offset += sent
        }
    }

    /// Reads once, waiting up to `timeout`; false on EOF or error, nil on timeout.
    @discardableResult
    private func readOnce(timeout: Duration) -> Bool? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&descriptor, 1, max(milliseconds, 1))
        if ready == 0 { return nil }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count <= 0 { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private var bufferedText: String { String(decoding: buffer, as: UTF8.self) }

    /// Reads and removes one response; `expectBody: false` for HEAD (and 1xx/204/304).
    public func readResponse(timeout: Duration = .seconds(5), expectBody: Bool = true) throws -> Response {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let response = try takeResponse(expectBody: expectBody) { return response }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw Failure.timedOut(received: bufferedText) }
            switch readOnce(timeout: remaining) {
            case true?: continue
            case false?: throw Failure.closed(received: bufferedText)
            case nil: throw Failure.timedOut(received: bufferedText)
            }
        }
    }

    public func readResponses(_ count: Int, timeout: Duration = .seconds(5)) throws -> [Response] {
        try (0..<count).map { _ in try readResponse(timeout: timeout) }
    }

    /// True if the server closes the connection within `timeout` (bytes read meanwhile are kept).
    public func waitForClose(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            switch readOnce(timeout: remaining) {
            case false?: return true
            case true?: continue
            case nil: return false
            }
        }
    }

    /// Whether anything arrives within `timeout`.
    public func receivesNothing(within timeout: Duration) -> Bool {
        if !buffer.isEmpty { return false }
        return readOnce(timeout: timeout) == nil
    }

    private func takeResponse(expectBody: Bool) throws -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4,
              let headEnd = (0...(buffer.count - 4)).first(where: { buffer[$0..<($0 + 4)].elementsEqual(separator) })
        else { return nil }
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw Failure.malformed(statusLine)
        }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed(line) }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters()))
        }
        var response = Response(status: status, headers: headers, body: [])
        let bodyStart = headEnd + 4
        var length = 0
        if expectBody && status >= 200 && status != 204 && status != 304 {
            guard let declared = response.header("Content-Length"), let parsed = Int(declared) else {
                throw Failure.malformed("no Content-Length")
            }
            length = parsed
        }
        guard buffer.count - bodyStart >= length else { return nil }
        response.body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeSubrange(0..<(bodyStart + length))
        return response
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
