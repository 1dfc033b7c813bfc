#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the listening socket.
enum Listener {
    /// Binds and listens on `host:port`; returns the descriptor and the port actually bound.
    static func open(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port) else {
            throw HTTPServerError(errno: EINVAL, message: "port \(port) is out of range")
        }
        var address = host
        if address == "localhost" { address = "127.0.0.1" }
        if address.hasPrefix("[") && address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        let isIPv6 = address.contains(":")
        let family = isIPv6 ? AF_INET6 : AF_INET
        var storage = sockaddr_storage()
        let length: socklen_t
        let parsed: Int32 = withUnsafeMutablePointer(to: &storage) { pointer in
            if isIPv6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    sin6.pointee.sin6_family = sa_family_t(AF_INET6)
                    sin6.pointee.sin6_port = UInt16(port).bigEndian
                    return inet_pton(AF_INET6, address, &sin6.pointee.sin6_addr)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                sin.pointee.sin_family = sa_family_t(AF_INET)
                sin.pointee.sin_port = UInt16(port).bigEndian
                return inet_pton(AF_INET, address, &sin.pointee.sin_addr)
            }
        }
        guard parsed == 1 else {
            throw HTTPServerError(errno: EINVAL, message: "invalid listen address '\(host)'")
        }
        length = socklen_t(isIPv6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)

        #if canImport(Glibc)
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        #else
        let socketType = SOCK_STREAM
        #endif
        let fd = socket(family, socketType, 0)
        guard fd >= 0 else {
            let code = errno
            throw HTTPServerError(errno: code, message: "socket() failed: \(Socket.errorText(code))")
        }
        // SO_REUSEADDR lets a restarted server bind while old connections sit in TIME_WAIT.
        Socket.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
        let bound = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError(
                errno: code, message: "cannot bind \(host):\(port): \(Socket.errorText(code))")
        }
        guard listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError(
                errno: code, message: "cannot listen on \(host):\(port): \(Socket.errorText(code))")
        }
        var boundStorage = sockaddr_storage()
        var boundLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &boundStorage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &boundLength) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError(errno: code, message: "getsockname() failed: \(Socket.errorText(code))")
        }
        let boundPort: UInt16 = withUnsafePointer(to: &boundStorage) { pointer in
            if isIPv6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        return (fd, Int(boundPort))
    }
}
