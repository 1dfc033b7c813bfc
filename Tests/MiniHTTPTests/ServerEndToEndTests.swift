import TestSupport
import Foundation
import Logging
import Synchronization
import Testing
@testable import MiniHTTP

/// Behaviour over a real socket, driven by `RawClient`.
@Suite(.timeLimit(.minutes(1)))
struct ServerEndToEndTests {
    @Test(.timeLimit(.minutes(1)))
    func happyGetAndPost() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: abc.123_x-y\r\n\r\n")
            let get = try client.readResponse()
            #expect(get.status == 200)
            #expect(get.bodyText == "hello")
            #expect(get.header("Content-Length") == "5")
            #expect(get.header("Content-Type") == "text/plain")
            #expect(get.header("X-Request-Id") == "abc.123_x-y")
            #expect(get.header("Connection") == nil)
            let date = try #require(get.header("Date"))
            #expect(date.hasSuffix(" GMT") && date.count == 29)

            try client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: not valid!\r\nContent-Length: 11\r\n\r\nhello world")
            let post = try client.readResponse()
            #expect(post.status == 200)
            #expect(post.bodyText == "hello world")
            let generated = try #require(post.header("X-Request-Id"))
            #expect(generated != "not valid!" && !generated.isEmpty)

            try client.send("GET /items/a%20b HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try client.readResponse().bodyText == "item a b")
            try client.send("GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let missing = try client.readResponse()
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "application/problem+json")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func largeBodiesRoundTrip() throws {
        var limits = TestSupport.fastLimits
        limits.maxBodyBytes = 1_048_576
        try TestSupport.withServer(limits: limits) { server in
            let client = try RawClient(port: server.localPort)
            let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try client.send(Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(payload.count)\r\n\r\n".utf8) + payload)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == payload)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func keepAliveServesTwoRequestsOnOneConnection() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            for _ in 0..<2 {
                try client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Connection") == nil)
            }
            #expect(server.statistics.connectionsAccepted == 1)
            #expect(server.statistics.requestsServed == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func pipelinedRequestsAreAnsweredInOrder() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send(
                "GET /items/1 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n"
                    + "GET /items/3 HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
            let responses = try client.readResponses(3)
            #expect(responses.map(\.bodyText) == ["item 1", "two", "item 3"])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func expectContinueSends100BeforeTheBody() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse(expectBody: false)
            #expect(interim.status == 100)
            #expect(interim.headers.isEmpty)
            try client.send("hello")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.bodyText == "hello")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func expectContinueOverTheLimitAnswers413Without100() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4096\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose(timeout: .seconds(2)))
            #expect(client.buffer.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func otherExpectationsGet417() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nExpect: something\r\n\r\nx")
            #expect(try client.readResponse().status == 417)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func chunkedPost() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n")
            try client.send("6\r\n world\r\n0\r\nTrailer-A: 1\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "hello world")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func headHasContentLengthButNoBody() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(expectBody: false)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            // The next response must start right after the head: no stray body bytes.
            try client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let get = try client.readResponse()
            #expect(get.bodyText == "hello")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func http10ClosesAfterTheResponse() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello HTTP/1.0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose(timeout: .seconds(2)))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func http10KeepAliveIsHonoured() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try client.readResponse()
            #expect(first.header("Connection") == "keep-alive")
            try client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func connectionCloseIsHonoured() throws {
        try TestSupport.withServer { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose(timeout: .seconds(2)))
            #expect(client.buffer.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func maxRequestsPerConnectionThenClose() throws {
        var limits = TestSupport.fastLimits
        limits.maxRequestsPerConnection = 2
        try TestSupport.withServer(limits: limits) { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let responses = try client.readResponses(2)
            #expect(responses[0].header("Connection") == nil)
            #expect(responses[1].header("Connection") == "close")
            #expect(client.waitForClose(timeout: .seconds(2)))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func invalidResponseHeaderBecomes500() throws {
        try TestSupport.withServer(handler: { _ in
            HTTPResponse(status: .ok, headers: ["X-Split": "a\r\nSet-Cookie: evil=1"], body: Array("x".utf8))
        }) { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 500)
            #expect(response.header("Set-Cookie") == nil)
            #expect(response.header("Connection") == "close")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func statusesWithoutContent() throws {
        try TestSupport.withServer(handler: { request in
            switch request.path {
            case "/204": HTTPResponse(status: .noContent, body: Array("dropped".utf8))
            default: HTTPResponse(status: .notModified, headers: ["ETag": "\"1\""])
            }
        }) { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /204 HTTP/1.1\r\nHost: a\r\n\r\nGET /304 HTTP/1.1\r\nHost: a\r\n\r\nGET /204 HTTP/1.1\r\nHost: a\r\n\r\n")
            let noContent = try client.readResponse()
            #expect(noContent.status == 204)
            #expect(noContent.header("Content-Length") == nil)
            let notModified = try client.readResponse()
            #expect(notModified.status == 304)
            #expect(notModified.header("ETag") == "\"1\"")
            #expect(try client.readResponse().status == 204)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func accessLogHasOneInfoLinePerRequest() throws {
        let store = LogStore()
        try TestSupport.withServer(logger: store.logger) { server in
            let client = try RawClient(port: server.localPort)
            try client.send("GET /hello?x=1 HTTP/1.1\r\nHost: a\r\nX-Request-Id: log-test\r\n\r\n")
            _ = try client.readResponse()
            try client.send("GET /hello HTTP/1.1\r\nHost : a\r\n\r\n")
            #expect(try client.readResponse().status == 400)
            let deadline = ContinuousClock.now + .seconds(2)
            while store.records.withLock({ $0.filter { $0.level == .notice }.isEmpty }) && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        let records = store.records.withLock { $0 }
        let access = records.filter { $0.level == .info && $0.metadata["request_id"] == "log-test" }
        #expect(access.count == 1)
        let line = try #require(access.first)
        #expect(line.metadata["method"] == "GET")
        #expect(line.metadata["target"] == "/hello?x=1")
        #expect(line.metadata["status"] == "200")
        #expect(line.metadata["bytes"] == "5")
        #expect(line.metadata["duration_ms"] != nil)
        #expect(line.metadata["remote"]?.hasPrefix("127.0.0.1:") == true)
        let notice = try #require(records.first { $0.level == .notice })
        #expect(notice.metadata["reason"]?.contains("whitespace between header field name and colon") == true)
        #expect(notice.metadata["status"] == "400")
    }
}
