import TestSupport
import Testing
@testable import MiniHTTP

/// Feeds byte strings to the head parser, table-driven.
struct HTTPRequestHeadParserTests {
    enum Outcome {
        case head(HTTPRequestHead, consumed: Int)
        case error(HTTPParseError)
        case needMoreData
    }

    static func parse(_ raw: String, limits: HTTPLimits = HTTPLimits()) -> Outcome {
        var parser = HTTPRequestHeadParser(limits: limits)
        switch parser.parse(Array(raw.utf8)) {
        case .head(let head, let consumed): return .head(head, consumed: consumed)
        case .error(let error): return .error(error)
        case .needMoreData: return .needMoreData
        }
    }

    struct RejectCase: Sendable, CustomTestStringConvertible {
        var name: String
        var raw: String
        var status: Int
        var reason: String
        var limits = HTTPLimits()
        var testDescription: String { name }
    }

    static let rejectCases: [RejectCase] = [
        RejectCase(name: "CL and TE", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400, reason: "both Content-Length and Transfer-Encoding"),
        RejectCase(name: "TE before CL", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", status: 400, reason: "both Content-Length and Transfer-Encoding"),
        RejectCase(name: "CL list 4, 5", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4, 5\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL list 4, 4", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4, 4\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "duplicate identical CL", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nContent-Length: 4\r\n\r\n", status: 400, reason: "duplicate Content-Length"),
        RejectCase(name: "different CLs (smuggling)", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 0\r\n\r\n", status: 400, reason: "duplicate Content-Length"),
        RejectCase(name: "CL pie", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: pie\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL plus sign", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +4\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL minus sign", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL space inside", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL empty", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL hex", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x10\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL overflow", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400, reason: "invalid Content-Length"),
        RejectCase(name: "CL over body limit", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n", status: 413, reason: "exceeds the limit"),
        RejectCase(name: "TE gzip, chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501, reason: "unsupported Transfer-Encoding"),
        // RFC 9112 §6.3: chunked not the final coding (or applied twice) is a 400, not a 501.
        RejectCase(name: "TE chunked, chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE identity", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE twice", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE chunked, identity", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE chunked then gzip lines", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE xchunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE chunked with trailing comma", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked,\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE empty member before chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: , chunked\r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE empty", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n", status: 400, reason: "does not end with a single chunked"),
        RejectCase(name: "TE gzip and chunked lines", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", status: 501, reason: "unsupported Transfer-Encoding"),
        RejectCase(name: "TE on HTTP/1.0", raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400, reason: "HTTP/1.0"),
        RejectCase(name: "space before colon", raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", status: 400, reason: "whitespace between header field name and colon"),
        RejectCase(name: "tab before colon", raw: "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", status: 400, reason: "whitespace between header field name and colon"),
        RejectCase(name: "obs-fold", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n", status: 400, reason: "obs-fold"),
        RejectCase(name: "obs-fold with tab", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n\ttwo\r\n\r\n", status: 400, reason: "obs-fold"),
        RejectCase(name: "whitespace before first field", raw: "GET / HTTP/1.1\r\n Host: a\r\n\r\n", status: 400, reason: "obs-fold"),
        RejectCase(name: "bare CR in field", raw: "GET / HTTP/1.1\r\nHost: a\rX-Evil: 1\r\n\r\n", status: 400, reason: "bare CR"),
        RejectCase(name: "bare CR in request line", raw: "GET / HTTP/1.1\rHost: a\r\n\r\n", status: 400, reason: "bare CR"),
        RejectCase(name: "bare LF after request line", raw: "GET / HTTP/1.1\nHost: a\r\n\r\n", status: 400, reason: "bare LF"),
        RejectCase(name: "bare LF after field", raw: "GET / HTTP/1.1\r\nHost: a\n\r\n", status: 400, reason: "bare LF"),
        RejectCase(name: "bare LF as final line", raw: "GET / HTTP/1.1\r\nHost: a\r\n\n", status: 400, reason: "bare LF"),
        RejectCase(name: "line without colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nNoColonHere\r\n\r\n", status: 400, reason: "without a colon"),
        RejectCase(name: "empty field name", raw: "GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n", status: 400, reason: "empty header field name"),
        RejectCase(name: "non-token field name", raw: "GET / HTTP/1.1\r\nHost: a\r\nX(y): 1\r\n\r\n", status: 400, reason: "not a token"),
        RejectCase(name: "NUL in field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{0}b\r\n\r\n", status: 400, reason: "control character"),
        RejectCase(name: "control char in field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{1}b\r\n\r\n", status: 400, reason: "control character"),
        RejectCase(name: "DEL in field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{7F}b\r\n\r\n", status: 400, reason: "control character"),
        RejectCase(name: "HTTP/9.9", raw: "GET / HTTP/9.9\r\nHost: a\r\n\r\n", status: 505, reason: "not supported"),
        RejectCase(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505, reason: "not supported"),
        RejectCase(name: "HTTP/1.x", raw: "GET / HTTP/1.x\r\nHost: a\r\n\r\n", status: 400, reason: "invalid HTTP version"),
        RejectCase(name: "lowercase http", raw: "GET / http/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "invalid HTTP version"),
        RejectCase(name: "HTTP/1.10", raw: "GET / HTTP/1.10\r\nHost: a\r\n\r\n", status: 400, reason: "invalid HTTP version"),
        RejectCase(name: "two spaces after method", raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "malformed request line"),
        RejectCase(name: "trailing space after version", raw: "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", status: 400, reason: "invalid HTTP version"),
        RejectCase(name: "missing version", raw: "GET /\r\nHost: a\r\n\r\n", status: 400, reason: "malformed request line"),
        RejectCase(name: "method not a token", raw: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "method is not a token"),
        RejectCase(name: "relative target", raw: "GET foo HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "origin-form"),
        RejectCase(name: "asterisk for GET", raw: "GET * HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "only allowed for OPTIONS"),
        RejectCase(name: "non-ASCII in target", raw: "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "invalid character in request-target"),
        RejectCase(name: "bad percent escape", raw: "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "percent-encoding"),
        RejectCase(name: "truncated percent escape", raw: "GET /a%4 HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "percent-encoding"),
        RejectCase(name: "percent-decoded invalid UTF-8", raw: "GET /a%FF HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, reason: "percent-encoding"),
        RejectCase(name: "missing Host on 1.1", raw: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400, reason: "missing Host"),
        RejectCase(name: "two Host fields", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400, reason: "more than one Host"),
        RejectCase(name: "Expect other than 100-continue", raw: "POST / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\n", status: 417, reason: "unsupported expectation"),
        RejectCase(
            name: "oversize request line", raw: "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\nHost: a\r\n\r\n",
            status: 414, reason: "request line exceeds", limits: HTTPLimits(maxRequestLineBytes: 64)),
        RejectCase(
            name: "oversize request line without CRLF yet", raw: "GET /" + String(repeating: "a", count: 100),
            status: 414, reason: "request line exceeds", limits: HTTPLimits(maxRequestLineBytes: 64)),
        RejectCase(
            name: "oversize header block", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 200) + "\r\n\r\n",
            status: 431, reason: "header block exceeds", limits: HTTPLimits(maxHeaderBytes: 128)),
        RejectCase(
            name: "oversize header block without end yet", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 200),
            status: 431, reason: "header block exceeds", limits: HTTPLimits(maxHeaderBytes: 128)),
        RejectCase(
            name: "101 fields", raw: "GET / HTTP/1.1\r\nHost: a\r\n" + (1...100).map { "X-\($0): v\r\n" }.joined() + "\r\n",
            status: 431, reason: "more than 100 header fields"),
    ]

    @Test(arguments: rejectCases)
    func rejects(_ testCase: RejectCase) {
        guard case .error(let error) = Self.parse(testCase.raw, limits: testCase.limits) else {
            Issue.record("expected \(testCase.status) for \(testCase.name)")
            return
        }
        #expect(error.status.code == testCase.status)
        #expect(error.reason.contains(testCase.reason), "reason was: \(error.reason)")
    }

    @Test func exactly100FieldsAreAccepted() {
        let raw = "GET / HTTP/1.1\r\n" + (1...99).map { "X-\($0): v\r\n" }.joined() + "Host: a\r\n\r\n"
        guard case .head(let head, _) = Self.parse(raw) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.headers.count == 100)
    }

    @Test func requestLineAtTheLimitIsAccepted() {
        let target = "/" + String(repeating: "a", count: 64 - "GET  HTTP/1.1".count - 1)
        let line = "GET \(target) HTTP/1.1"
        #expect(line.utf8.count == 64)
        guard case .head = Self.parse(line + "\r\nHost: a\r\n\r\n", limits: HTTPLimits(maxRequestLineBytes: 64)) else {
            Issue.record("expected a head")
            return
        }
    }

    @Test func parsesAValidRequestWithQueryAndPercentDecoding() throws {
        let raw = "GET /v1/specs/caf%C3%A9%20x/a%2Fb?name=J%C3%BCrgen+M&flag&empty=&x=1&x=2 HTTP/1.1\r\n"
            + "Host: example.com\r\nX-Multi: one\r\nx-multi: two\r\nAccept:   text/plain  \r\n\r\nNEXT"
        guard case .head(let head, let consumed) = Self.parse(raw) else {
            Issue.record("expected a head")
            return
        }
        #expect(consumed == raw.utf8.count - 4)
        #expect(head.method == .get)
        #expect(head.version == .http1_1)
        #expect(head.target == "/v1/specs/caf%C3%A9%20x/a%2Fb?name=J%C3%BCrgen+M&flag&empty=&x=1&x=2")
        #expect(head.parsedTarget.rawPath == "/v1/specs/caf%C3%A9%20x/a%2Fb")
        #expect(head.parsedTarget.path == "/v1/specs/café x/a/b")
        #expect(head.parsedTarget.queryItems == [
            HTTPQueryItem(name: "name", value: "Jürgen M"), HTTPQueryItem(name: "flag", value: ""),
            HTTPQueryItem(name: "empty", value: ""), HTTPQueryItem(name: "x", value: "1"),
            HTTPQueryItem(name: "x", value: "2"),
        ])
        #expect(head.headers["accept"] == "text/plain")
        #expect(head.headers.values(for: "X-MULTI") == ["one", "two"])
        #expect(head.framing == .none)
        #expect(head.clientWantsKeepAlive)
        let request = HTTPRequest(
            method: head.method, target: head.target, parsedTarget: head.parsedTarget, version: head.version,
            headers: head.headers, body: [], requestID: "r", remoteAddress: "")
        #expect(request.queryValue("x") == "1")
        #expect(request.queryValue("missing") == nil)
    }

    @Test func http10WithoutHostIsAccepted() {
        guard case .head(let head, _) = Self.parse("GET /x HTTP/1.0\r\n\r\n") else {
            Issue.record("expected a head")
            return
        }
        #expect(head.version == .http1_0)
        #expect(!head.clientWantsKeepAlive)
    }

    struct KeepAliveCase: Sendable {
        var raw: String
        var keepAlive: Bool
    }

    @Test(arguments: [
        KeepAliveCase(raw: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", keepAlive: true),
        KeepAliveCase(raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", keepAlive: false),
        KeepAliveCase(raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n", keepAlive: false),
        KeepAliveCase(raw: "GET / HTTP/1.0\r\n\r\n", keepAlive: false),
        KeepAliveCase(raw: "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", keepAlive: true),
        KeepAliveCase(raw: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", keepAlive: true),
    ])
    func keepAliveDecision(_ testCase: KeepAliveCase) {
        guard case .head(let head, _) = Self.parse(testCase.raw) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.clientWantsKeepAlive == testCase.keepAlive)
    }

    @Test func framingAndExpectations() {
        guard case .head(let chunked, _) = Self.parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"),
              case .head(let sized, _) = Self.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0012\r\nExpect: 100-Continue\r\n\r\n")
        else {
            Issue.record("expected heads")
            return
        }
        #expect(chunked.framing == .chunked)
        #expect(sized.framing == .contentLength(12))
        #expect(sized.expectsContinue)
        #expect(!chunked.expectsContinue)
    }

    @Test func otherTargetForms() {
        guard case .head(let absolute, _) = Self.parse("GET http://example.com:8080/a%20b?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"),
              case .head(let bare, _) = Self.parse("GET HTTP://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n"),
              case .head(let asterisk, _) = Self.parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")
        else {
            Issue.record("expected heads")
            return
        }
        #expect(absolute.parsedTarget.path == "/a b")
        #expect(absolute.parsedTarget.queryItems == [HTTPQueryItem(name: "q", value: "1")])
        #expect(bare.parsedTarget.path == "/")
        #expect(asterisk.parsedTarget.path == "*")
    }

    @Test func leadingEmptyLinesAreIgnored() {
        guard case .head(let head, let consumed) = Self.parse("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n") else {
            Issue.record("expected a head")
            return
        }
        #expect(head.parsedTarget.path == "/x")
        #expect(consumed == "\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n".utf8.count)
    }

    @Test func incompleteHeadNeedsMoreData() {
        for raw in ["", "GET", "GET / HTTP/1.1\r", "GET / HTTP/1.1\r\nHost: a\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r"] {
            guard case .needMoreData = Self.parse(raw) else {
                Issue.record("expected needMoreData for \(raw.debugDescription)")
                continue
            }
        }
    }

    /// Every split of a valid request into two deliveries parses to the same head.
    @Test func everySplitPointParsesIdentically() {
        let raw = Array("POST /items/a%20b?x=1 HTTP/1.1\r\nHost: example\r\nContent-Length: 3\r\nX-Tab: a\tb\r\n\r\nabc".utf8)
        let headLength = raw.count - 3
        for split in 0...raw.count {
            var parser = HTTPRequestHeadParser(limits: HTTPLimits())
            var buffer = Array(raw[..<split])
            var result = parser.parse(buffer)
            if case .needMoreData = result {
                buffer = raw
                result = parser.parse(buffer)
            }
            guard case .head(let head, let consumed) = result else {
                Issue.record("split at \(split) did not parse")
                continue
            }
            #expect(consumed == headLength)
            #expect(head.method == .post)
            #expect(head.parsedTarget.path == "/items/a b")
            #expect(head.framing == .contentLength(3))
            #expect(head.headers["x-tab"] == "a\tb")
        }
    }

    /// Feeding one byte at a time works, and the parser resets itself for a pipelined request.
    @Test func byteAtATimeAndPipelined() {
        let raw = Array("GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var parser = HTTPRequestHeadParser(limits: HTTPLimits())
        var start = 0
        var paths: [String] = []
        for end in 1...raw.count {
            switch parser.parse(raw[start..<end]) {
            case .needMoreData: continue
            case .head(let head, let consumed):
                paths.append(head.parsedTarget.path)
                start += consumed
            case .error(let error):
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(paths == ["/one", "/two"])
        #expect(start == raw.count)
    }

    /// Random prefixes and random byte flips never crash the parser (seeded, deterministic).
    @Test func randomMutationsNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED)
        let base = Array("POST /a?b=c HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nX: y\r\n\r\n".utf8)
        for _ in 0..<2000 {
            var bytes = base
            for _ in 0..<Int(generator.next() % 4) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            let prefix = Int(generator.next() % UInt64(bytes.count + 1))
            var parser = HTTPRequestHeadParser(limits: HTTPLimits())
            _ = parser.parse(Array(bytes[..<prefix]))
            _ = parser.parse(bytes)
        }
    }
}
