#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An incremental parser for one request head, fed with the bytes received so far.
///
/// The caller passes the whole buffer from the first byte of the request on every call, with
/// more bytes appended each time. The parser remembers how far it has scanned, so a head that
/// arrives one byte at a time is still parsed in linear time (style guide B5: never rescan from
/// the start). After it returns `.head`, it resets itself for the next request on the connection.
struct HTTPRequestHeadParser {
    /// The outcome of one `parse` call.
    enum Result {
        /// The head is incomplete and no limit is exceeded yet.
        case needMoreData
        /// A complete head; `consumed` bytes (including the final empty line) belong to it.
        case head(HTTPRequestHead, consumed: Int)
        /// The head is unacceptable; answer with the error's status and close.
        case error(HTTPParseError)
    }

    let limits: HTTPLimits

    /// Offset (relative to the buffer start) where the next search for LF begins.
    private var scanOffset = 0
    /// Offset where the line being assembled begins.
    private var lineStart = 0
    /// Offset of the first header line; nil while the request line is still awaited.
    private var headerBlockStart: Int?
    private var method = HTTPMethod.get
    private var target = ""
    private var parsedTarget = HTTPRequestTarget(rawPath: "/", path: "/", queryItems: [])
    private var version = HTTPVersion.http1_1
    private var fields: [(String, String)] = []

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Parses as far as `buffer` allows; see the type's documentation for the calling contract.
    mutating func parse(_ buffer: ArraySlice<UInt8>) -> Result {
        buffer.withUnsafeBufferPointer { parse($0) }
    }

    /// Parses a whole byte array (convenience for tests).
    mutating func parse(_ buffer: [UInt8]) -> Result {
        parse(buffer[...])
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = bytes.baseAddress else { return .needMoreData }
        let count = bytes.count
        while true {
            guard scanOffset < count,
                  let found = memchr(base + scanOffset, Int32(ASCII.lf), count - scanOffset)
            else {
                scanOffset = count
                return checkIncompleteLine(count: count)
            }
            let lf = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            scanOffset = lf + 1
            // RFC 9112 §2.2: a bare LF "MAY" be accepted, but style guide C2 #5 requires CRLF
            // everywhere in the head because lenient line endings enable smuggling.
            guard lf > lineStart, bytes[lf - 1] == ASCII.cr else {
                return .error(.badRequest("bare LF in request head (CRLF required)"))
            }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<(lf - 1)])
            // RFC 9112 §2.2: "a recipient ... MUST either consider each such [bare CR] element to
            // be invalid or replace" it; we consider it invalid.
            if let lineBase = line.baseAddress, memchr(lineBase, Int32(ASCII.cr), line.count) != nil {
                return .error(.badRequest("bare CR in request head (CRLF required)"))
            }
            let nextLineStart = lf + 1
            if let headerBlockStart {
                // The block size counts every field line with its CRLF and the final CRLF.
                if nextLineStart - headerBlockStart > limits.maxHeaderBytes {
                    return .error(HTTPParseError(
                        status: .requestHeaderFieldsTooLarge,
                        reason: "header block exceeds \(limits.maxHeaderBytes) bytes"))
                }
                if line.isEmpty {
                    let result = finishHead(consumed: nextLineStart)
                    if case .head = result { reset() }
                    return result
                }
                if fields.count >= limits.maxHeaderCount {
                    return .error(HTTPParseError(
                        status: .requestHeaderFieldsTooLarge,
                        reason: "more than \(limits.maxHeaderCount) header fields"))
                }
                if let error = parseFieldLine(line) { return .error(error) }
            } else if line.isEmpty {
                // RFC 9112 §2.2: "a server that is expecting to receive and parse a request-line
                // SHOULD ignore at least one empty line (CRLF) received prior to the
                // request-line". We ignore any number, bounded by the request-line limit.
                if nextLineStart > limits.maxRequestLineBytes {
                    return .error(.badRequest("too many empty lines before the request line"))
                }
            } else {
                if line.count > limits.maxRequestLineBytes {
                    return .error(requestLineTooLong)
                }
                if let error = parseRequestLine(line) { return .error(error) }
                headerBlockStart = nextLineStart
            }
            lineStart = nextLineStart
        }
    }

    private var requestLineTooLong: HTTPParseError {
        HTTPParseError(
            status: .uriTooLong, reason: "request line exceeds \(limits.maxRequestLineBytes) bytes")
    }

    /// Rejects a line that is already too long before its CRLF arrives, so a client cannot make
    /// the server buffer more than the limits while drip-feeding.
    private func checkIncompleteLine(count: Int) -> Result {
        if let headerBlockStart {
            if count - headerBlockStart > limits.maxHeaderBytes {
                return .error(HTTPParseError(
                    status: .requestHeaderFieldsTooLarge,
                    reason: "header block exceeds \(limits.maxHeaderBytes) bytes"))
            }
        } else if count - lineStart > limits.maxRequestLineBytes + 1 {
            return .error(requestLineTooLong)
        }
        return .needMoreData
    }

    private mutating func reset() {
        scanOffset = 0
        lineStart = 0
        headerBlockStart = nil
        fields = []
    }

    /// RFC 9112 §3: `request-line = method SP request-target SP HTTP-version`, single spaces.
    private mutating func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) -> HTTPParseError? {
        guard let firstSpace = line.firstIndex(of: ASCII.space) else {
            return .badRequest("malformed request line")
        }
        let methodBytes = line[..<firstSpace]
        guard ASCII.isToken(methodBytes) else {
            return .badRequest("malformed request line: method is not a token")
        }
        let afterMethod = firstSpace + 1
        guard let secondSpace = line[afterMethod...].firstIndex(of: ASCII.space),
              secondSpace > afterMethod
        else {
            return .badRequest("malformed request line")
        }
        let versionBytes = line[(secondSpace + 1)...]
        switch HTTPRequestHeadParser.parseVersion(versionBytes) {
        case .success(let parsed): version = parsed
        case .failure(let error): return error
        }
        method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self))
        let targetBytes = Array(line[afterMethod..<secondSpace])
        do throws(HTTPParseError) {
            parsedTarget = try HTTPRequestTarget(parsing: targetBytes, method: method)
        } catch {
            return error
        }
        target = String(decoding: targetBytes, as: UTF8.self)
        return nil
    }

    /// RFC 9112 §2.3: `HTTP-version = "HTTP/" DIGIT "." DIGIT`. A well-formed version other than
    /// 1.0 or 1.1 gets 505 (RFC 9110 §15.6.6); anything else is a malformed request line.
    static func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Swift.Result<HTTPVersion, HTTPParseError> {
        let chars = Array(bytes)
        guard chars.count == 8, chars[0..<5].elementsEqual("HTTP/".utf8),
              ASCII.isDigit(chars[5]), chars[6] == UInt8(ascii: "."), ASCII.isDigit(chars[7])
        else {
            return .failure(.badRequest("malformed request line: invalid HTTP version"))
        }
        let parsed = HTTPVersion(major: Int(chars[5] - 0x30), minor: Int(chars[7] - 0x30))
        guard parsed == .http1_0 || parsed == .http1_1 else {
            return .failure(HTTPParseError(
                status: .httpVersionNotSupported, reason: "HTTP version \(parsed) is not supported"))
        }
        return .success(parsed)
    }

    /// RFC 9112 §5: `field-line = field-name ":" OWS field-value OWS`.
    private mutating func parseFieldLine(_ line: UnsafeBufferPointer<UInt8>) -> HTTPParseError? {
        let first = line[0]
        if first == ASCII.space || first == ASCII.tab {
            // RFC 9112 §5.2: a server "MUST either reject the message by sending a 400 (Bad
            // Request)... or replace each received obs-fold"; we reject.
            return .badRequest("obsolete line folding (obs-fold) in header field")
        }
        guard let colon = line.firstIndex(of: ASCII.colon) else {
            return .badRequest("header field line without a colon")
        }
        guard colon > 0 else { return .badRequest("empty header field name") }
        let nameBytes = line[..<colon]
        if let last = nameBytes.last, last == ASCII.space || last == ASCII.tab {
            // RFC 9112 §5.1: "A server MUST reject, with a response status code of 400 (Bad
            // Request), any received request message that contains whitespace between a header
            // field name and colon."
            return .badRequest("whitespace between header field name and colon")
        }
        guard ASCII.isToken(nameBytes) else { return .badRequest("header field name is not a token") }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd, line[valueStart] == ASCII.space || line[valueStart] == ASCII.tab {
            valueStart += 1
        }
        while valueEnd > valueStart, line[valueEnd - 1] == ASCII.space || line[valueEnd - 1] == ASCII.tab {
            valueEnd -= 1
        }
        for index in valueStart..<valueEnd {
            let byte = line[index]
            // RFC 9110 §5.5: field values are VCHAR, SP, HTAB and obs-text; NUL, CR, LF and other
            // controls are invalid.
            if (byte < 0x20 && byte != ASCII.tab) || byte == 0x7F {
                return .badRequest("invalid control character in header field value")
            }
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        let value = String(decoding: line[valueStart..<valueEnd], as: UTF8.self)
        fields.append((name, value))
        return nil
    }

    /// Applies the message-level rules once all fields are known.
    private func finishHead(consumed: Int) -> Result {
        let headers = HTTPHeaders(fields)
        let hosts = headers.values(for: "Host")
        // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any
        // HTTP/1.1 request message that lacks a Host header field and to any request message that
        // contains more than one Host header field line".
        if hosts.count > 1 { return .error(.badRequest("more than one Host header field")) }
        if hosts.isEmpty && version == .http1_1 {
            return .error(.badRequest("missing Host header field in HTTP/1.1 request"))
        }
        let lengths = headers.values(for: "Content-Length")
        let encodings = headers.values(for: "Transfer-Encoding")
        var framing = HTTPRequestHead.BodyFraming.none
        if !encodings.isEmpty {
            // RFC 9112 §6.1: a sender MUST NOT send Content-Length with Transfer-Encoding, and a
            // server MAY reject such a message; style guide C2 #5 says we must, since the two
            // framings disagree (request smuggling).
            if !lengths.isEmpty {
                return .error(.badRequest("both Content-Length and Transfer-Encoding present"))
            }
            // RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing.
            if version == .http1_0 {
                return .error(.badRequest("Transfer-Encoding in an HTTP/1.0 request"))
            }
            // All field lines form one list (RFC 9110 §5.3). Empty members are refused rather
            // than skipped, so no two parsers can disagree on which coding is last.
            let codings = encodings.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { String($0.trimmingOWS()) }
            let chunkedCount = codings.count(where: { HTTPHeaders.namesEqual($0, "chunked") })
            // RFC 9112 §6.3: "If a Transfer-Encoding header field is present in a request and the
            // chunked transfer coding is not the final encoding, the message body length cannot
            // be determined reliably; the server MUST respond with the 400 (Bad Request) status
            // code and then close the connection." RFC 9112 §6.1: a sender "MUST NOT apply the
            // chunked transfer coding more than once".
            guard let last = codings.last, HTTPHeaders.namesEqual(last, "chunked"), chunkedCount == 1,
                  !codings.contains(where: \.isEmpty)
            else {
                return .error(.badRequest(
                    "Transfer-Encoding '\(encodings.joined(separator: ", "))' does not end with a single chunked"))
            }
            // RFC 9112 §6.1: a server that receives a transfer coding it does not understand
            // SHOULD respond with 501. We understand exactly one: a lone `chunked`.
            guard codings.count == 1 else {
                return .error(HTTPParseError(
                    status: .notImplemented,
                    reason: "unsupported Transfer-Encoding '\(encodings.joined(separator: ", "))'"))
            }
            framing = .chunked
        } else if !lengths.isEmpty {
            // RFC 9110 §8.6 lets a recipient collapse identical duplicates, but style guide C2 #5
            // rejects every repetition and list so no two parsers can disagree.
            guard lengths.count == 1 else {
                return .error(.badRequest("duplicate Content-Length header fields"))
            }
            guard let length = HTTPRequestHeadParser.parseContentLength(lengths[0]) else {
                return .error(.badRequest("invalid Content-Length '\(lengths[0])' (digits only)"))
            }
            if length > limits.maxBodyBytes {
                return .error(HTTPParseError(
                    status: .contentTooLarge,
                    reason: "Content-Length \(length) exceeds the limit of \(limits.maxBodyBytes) bytes"))
            }
            framing = .contentLength(length)
        }
        var expectsContinue = false
        let expectations = headers.values(for: "Expect")
        if !expectations.isEmpty {
            // RFC 9110 §10.1.1: "A server that receives an Expect field value containing a member
            // other than 100-continue MAY respond with a 417 (Expectation Failed)".
            guard expectations.count == 1,
                  HTTPHeaders.namesEqual(String(Substring(expectations[0]).trimmingOWS()), "100-continue")
            else {
                return .error(HTTPParseError(
                    status: .expectationFailed,
                    reason: "unsupported expectation '\(expectations.joined(separator: ", "))'"))
            }
            expectsContinue = true
        }
        // RFC 9112 §9.3: HTTP/1.1 persists unless "close" is listed; HTTP/1.0 persists only with
        // "keep-alive".
        let keepAlive: Bool
        if version == .http1_1 {
            keepAlive = !headers.containsToken("close", inField: "Connection")
        } else {
            keepAlive = headers.containsToken("keep-alive", inField: "Connection")
                && !headers.containsToken("close", inField: "Connection")
        }
        let head = HTTPRequestHead(
            method: method, target: target, parsedTarget: parsedTarget, version: version,
            headers: headers, framing: framing, expectsContinue: expectsContinue,
            clientWantsKeepAlive: keepAlive)
        return .head(head, consumed: consumed)
    }

    /// RFC 9110 §8.6: `Content-Length = 1*DIGIT`; no sign, no spaces, no list, no overflow.
    static func parseContentLength(_ value: String) -> Int? {
        var result = 0
        var digits = 0
        for byte in value.utf8 {
            guard ASCII.isDigit(byte) else { return nil }
            let (multiplied, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            result = added
            digits += 1
        }
        return digits > 0 ? result : nil
    }
}
