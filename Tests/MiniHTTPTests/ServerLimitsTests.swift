import TestSupport
import Foundation
import Testing
@testable import MiniHTTP

/// Limits and rejections over a real socket.
@Suite(.timeLimit(.minutes(1)))
struct ServerLimitsTests {
    @Test(.timeLimit(.minutes(1)))
    func slowDripHeadGets408AtTheHeaderDeadline() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            let started = ContinuousClock.now
            let request = Array("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
            for byte in request {
                guard (try? client.send([byte])) != nil else { break }
                // Each byte is well inside any per-read timeout; only the overall deadline stops it.
                if !client.receivesNothing(within: .milliseconds(300)) { break }
            }
            let response = try client.readResponse(timeout: .seconds(2))
            let elapsed = ContinuousClock.now - started
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
            #expect(elapsed >= .milliseconds(900))
            #expect(elapsed < .milliseconds(1500))
            #expect(client.waitForClose(timeout: .seconds(2)))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func idleKeepAliveConnectionIsClosedSilently() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readResponse()
            let idleStart = ContinuousClock.now
            #expect(client.waitForClose(timeout: .seconds(3)))
            let elapsed = ContinuousClock.now - idleStart
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .milliseconds(1500))
            #expect(client.buffer.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func slowBodyGets408() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
            let response = try client.readResponse(timeout: .seconds(3))
            #expect(response.status == 408)
            #expect(client.waitForClose(timeout: .seconds(2)))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func clientDisconnectingMidBodyLeavesTheServerUp() throws {
        try TestSupport.withServer { server in
            let dropped = try RawClient(port: server.localPort)
            try dropped.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly a part")
            dropped.close()
            let chunkedDrop = try RawClient(port: server.localPort)
            try chunkedDrop.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc")
            chunkedDrop.close()
            let next = try RawClient(port: server.localPort)
            try next.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try next.readResponse().status == 200)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func oversizedBodyGets413() throws {
        try TestSupport.withServer { server in
            let declared = try RawClient(port: server.localPort)
            try declared.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1025\r\n\r\n")
            let first = try declared.readResponse()
            #expect(first.status == 413)
            #expect(first.header("Connection") == "close")
            #expect(declared.waitForClose(timeout: .seconds(2)))

            let chunked = try RawClient(port: server.localPort)
            let piece = String(repeating: "a", count: 600)
            try chunked.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(piece)\r\n258\r\n\(piece)\r\n")
            #expect(try chunked.readResponse().status == 413)
            #expect(chunked.waitForClose(timeout: .seconds(2)))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func tooManyHeadersGet431() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            let fields = (1...101).map { "X-\($0): v\r\n" }.joined()
            try client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\(fields)\r\n")
            let response = try client.readResponse()
            #expect(response.status == 431)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(client.waitForClose(timeout: .seconds(2)))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func longRequestLineGets414() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 414)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func smugglingAttemptGetsExactlyOne400ThenClose() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 0\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("Connection") == "close")
            #expect(response.bodyText.contains(#""detail":"duplicate Content-Length header fields""#))
            #expect(response.bodyText.hasPrefix(#"{"type":"about:blank","title":"Bad Request","status":400"#))
            #expect(client.waitForClose(timeout: .seconds(2)))
            #expect(client.buffer.isEmpty, "no second response may follow")
            #expect(server.statistics.protocolErrors == 1)
            #expect(server.statistics.requestsServed == 0)
        }
    }

    struct WireCase: Sendable, CustomTestStringConvertible {
        var name: String
        var raw: String
        var status: Int
        var testDescription: String { name }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        WireCase(name: "CL+TE", raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        WireCase(name: "gzip, chunked", raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
        WireCase(name: "chunked, identity", raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", status: 400),
        WireCase(name: "identity", raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\nabc", status: 400),
        WireCase(name: "HTTP/9.9", raw: "GET /hello HTTP/9.9\r\nHost: a\r\n\r\n", status: 505),
        WireCase(name: "bare LF", raw: "GET /hello HTTP/1.1\nHost: a\r\n\r\n", status: 400),
        WireCase(name: "missing Host", raw: "GET /hello HTTP/1.1\r\n\r\n", status: 400),
        WireCase(name: "bad chunk", raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", status: 400),
    ])
    func rejectionsOnTheWire(_ testCase: WireCase) throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send(testCase.raw)
            let response = try client.readResponse()
            #expect(response.status == testCase.status)
            #expect(response.header("Connection") == "close")
            #expect(response.header("X-Request-Id") != nil)
            #expect(client.waitForClose(timeout: .seconds(2)))
        }
    }
}
