#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the server uses, with deadlines enforced by
/// `poll()` so that a drip-feeding or stalled peer cannot stretch an overall deadline.
enum Socket {
    /// What a deadline-bounded read produced.
    enum ReadOutcome: Equatable {
        /// This many bytes were appended to the buffer.
        case bytes(Int)
        /// The peer closed its side (or the socket was shut down for reading).
        case endOfFile
        /// The deadline passed before any byte arrived.
        case timedOut
        /// The server's wake descriptor fired (shutdown) before any byte arrived.
        case woken
        /// The read failed with this errno (for example ECONNRESET).
        case failed(Int32)
    }

    /// Style guide C2 #2: `read`, `write`, `accept` and `poll` may fail with EINTR when a signal
    /// lands; retry them. Never used for `close`, whose descriptor is gone even after EINTR.
    @inline(__always)
    static func retryingOnEINTR<T: SignedInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }

    /// Milliseconds left until `deadline`, rounded up so a poll never wakes early; 0 if passed.
    static func remainingMilliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(1, milliseconds))
    }

    /// Waits until `fd` is readable (or `wakeFD`, if given, fires) and reads once into `buffer`.
    ///
    /// Polling with the *remaining* time before every `recv` makes the deadline exact: a peer
    /// that sends one byte just before each per-read timeout cannot extend it.
    static func read(
        _ fd: Int32,
        appendingTo buffer: inout [UInt8],
        scratch: UnsafeMutableRawBufferPointer,
        deadline: ContinuousClock.Instant,
        wakeFD: Int32?
    ) -> ReadOutcome {
        while true {
            let timeout = remainingMilliseconds(until: deadline)
            if timeout == 0 { return .timedOut }
            var descriptors = (
                pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeFD ?? -1, events: Int16(POLLIN), revents: 0)
            )
            let count: nfds_t = wakeFD == nil ? 1 : 2
            let ready = withUnsafeMutableBytes(of: &descriptors) { raw in
                // Safe: the buffer of a two-element tuple is never empty.
                let pointer = raw.baseAddress!.assumingMemoryBound(to: pollfd.self)
                return retryingOnEINTR { poll(pointer, count, timeout) }
            }
            if ready < 0 { return .failed(errno) }
            if ready == 0 { continue }
            if descriptors.0.revents != 0 {
                let received = retryingOnEINTR { recv(fd, scratch.baseAddress, scratch.count, 0) }
                if received > 0 {
                    buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<received]))
                    return .bytes(received)
                }
                if received == 0 { return .endOfFile }
                if errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return .failed(errno)
            }
            if descriptors.1.revents != 0 { return .woken }
        }
    }

    /// Writes every byte before `deadline` or reports failure.
    ///
    /// Style guide C2 #1 and #3: `MSG_NOSIGNAL` so a vanished peer yields EPIPE rather than a
    /// process-killing SIGPIPE, and a loop because `send` may write only part of the buffer.
    /// `MSG_DONTWAIT` keeps each call from blocking past the deadline; when the socket buffer is
    /// full we poll for POLLOUT with the remaining time.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let sent = retryingOnEINTR {
                send(fd, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            guard sent < 0, errno == EAGAIN || errno == EWOULDBLOCK else { return false }
            let timeout = remainingMilliseconds(until: deadline)
            if timeout == 0 { return false }
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = retryingOnEINTR { poll(&descriptor, 1, timeout) }
            if ready < 0 { return false }
        }
        return true
    }

    /// Writes an array; see `writeAll(_:_:deadline:)`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], deadline: ContinuousClock.Instant) -> Bool {
        bytes.withUnsafeBytes { writeAll(fd, $0, deadline: deadline) }
    }

    /// Shuts a socket down in both directions so a thread blocked on it returns at once, without
    /// closing the descriptor under that thread.
    static func shutdownBoth(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Half-closes the sending side (FIN) while still reading.
    static func shutdownWrite(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Sets an integer socket option, ignoring failure (used for best-effort tuning only).
    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// `ip:port` or `[ip]:port` for a peer address.
    static func describe(_ storage: sockaddr_storage) -> String {
        var copy = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let capacity = socklen_t(text.count)
        let (ip, port): (String?, UInt16) = withUnsafePointer(to: &copy) { pointer in
            switch Int32(storage.ss_family) {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    let ok = inet_ntop(AF_INET, &raw, &text, capacity) != nil
                    return (ok ? cString(text) : nil, UInt16(bigEndian: address.pointee.sin_port))
                }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    let ok = inet_ntop(AF_INET6, &raw, &text, capacity) != nil
                    return (ok ? "[" + cString(text) + "]" : nil, UInt16(bigEndian: address.pointee.sin6_port))
                }
            default:
                return (nil, 0)
            }
        }
        guard let ip else { return "unknown" }
        return "\(ip):\(port)"
    }

    private static func cString(_ characters: [CChar]) -> String {
        let bytes = characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text for an errno value.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return cString(Array(UnsafeBufferPointer(start: text, count: strlen(text))))
    }
}
