import Foundation
import TestSupport
import Logging
import MiniHTTP
import Testing
import TrafficAPI

/// The real server on an ephemeral port, the real API behind it, and a raw socket in front.
@Suite(.serialized, .timeLimit(.minutes(1))) struct EndToEndTests {
    static let limits = HTTPLimits(
        maxBodyBytes: 64 * 1024, headerTimeout: .milliseconds(800), bodyTimeout: .seconds(2), idleTimeout: .seconds(2))

    /// The admin secret of the test server; raw requests send it by hand.
    static let token = "tsk_end-to-end-test-secret-0123456789abcdef"
    static let authorization = "Authorization: Bearer \(token)\r\n"

    private func withServer(_ body: (Int) throws -> Void) throws {
        let fixture = try APIFixture(adminSecret: Self.token)
        defer { fixture.close() }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, limits: Self.limits),
            logger: Logger(label: "e2e", factory: { _ in SwiftLogNoOpLogHandler() }), handler: fixture.api.handle)
        try server.start()
        defer { server.shutdown() }
        try body(server.localPort)
    }

    private func request(_ method: String, _ target: String, body: String = "", headers: [String] = []) -> String {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\n" + Self.authorization
        for header in headers { head += header + "\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.utf8.count)\r\n" }
        return head + "\r\n" + body
    }

    @Test func everyEndpointOverASocket() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            let spec = minimalSpec()
            try client.send(request("POST", "/v1/specs", body: spec, headers: ["Content-Type: application/yaml"]))
            let created = try client.readResponse()
            #expect(created.status == 201)
            #expect(created.header("Location") == "/v1/specs/task-api")
            let etag = try #require(created.header("ETag"))

            try client.send(request("POST", "/v1/specs/task-api/revisions", body: minimalSpec(path: "/v2"),
                headers: ["Content-Type: application/yaml", "If-Match: \(etag)"]))
            #expect(try client.readResponse().status == 201)

            let reads: [(String, Int)] = [
                ("/v1/specs", 200), ("/v1/specs/task-api", 200), ("/v1/specs/task-api/revisions", 200),
                ("/v1/specs/task-api/revisions/1", 200), ("/v1/specs/task-api/revisions/latest/manifests", 200),
                ("/v1/schema/spec", 200), ("/healthz", 200), ("/readyz", 200), ("/metrics", 200), ("/openapi.yaml", 200),
                ("/v1/specs/missing", 404),
            ]
            for (target, status) in reads {
                try client.send(request("GET", target))
                let response = try client.readResponse()
                #expect(response.status == status, "\(target)")
                #expect(response.header("X-Request-Id") != nil)
            }
            try client.send(request("POST", "/v1/render", body: spec, headers: ["Content-Type: application/yaml"]))
            let rendered = try client.readResponse()
            #expect(rendered.status == 200)
            #expect(rendered.bodyText.contains("kind: HTTPRoute"))
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            let pipeline =
                request("POST", "/v1/specs", body: minimalSpec(name: "pipe"), headers: ["Content-Type: application/yaml"])
                + request("GET", "/v1/specs/pipe/revisions/1") + request("GET", "/v1/specs/nope")
                + request("GET", "/healthz")
            try client.send(pipeline)
            let responses = try client.readResponses(4)
            #expect(responses.map(\.status) == [201, 200, 404, 200])
            #expect(responses[1].bodyText == minimalSpec(name: "pipe"))
        }
    }

    @Test func expectContinueUpload() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            let spec = minimalSpec(name: "curl-style")
            try client.send(
                "POST /v1/specs HTTP/1.1\r\nHost: localhost\r\n" + Self.authorization + "Content-Type: application/yaml\r\n"
                    + "Content-Length: \(spec.utf8.count)\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse(expectBody: false)
            #expect(interim.status == 100)
            try client.send(spec)
            #expect(try client.readResponse().status == 201)
        }
    }

    @Test func oversizedBodyIs413BeforeItIsSent() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            try client.send(
                "POST /v1/specs HTTP/1.1\r\nHost: localhost\r\n" + Self.authorization + "Content-Length: 104857600\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(client.waitForClose(timeout: .seconds(3)))
        }
    }

    @Test func tooManyHeadersIs431() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            let headers = (0..<150).map { "X-Filler-\($0): x" }
            try client.send(request("GET", "/healthz", headers: headers))
            #expect(try client.readResponse().status == 431)
        }
    }

    @Test func slowDripHeadIs408() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            let start = ContinuousClock.now
            for byte in Array("GET /healthz HTTP/1.1\r\nHost: x\r\n".utf8).prefix(12) {
                try? client.send([byte])
                Thread.sleep(forTimeInterval: 0.1)
            }
            let response = try client.readResponse(timeout: .seconds(3))
            #expect(response.status == 408)
            #expect(ContinuousClock.now - start < .seconds(2))
        }
    }

    @Test func clientVanishingMidBodyLeavesTheServerUpAndNothingStored() throws {
        try withServer { port in
            let quitter = try RawClient(port: port)
            let spec = minimalSpec(name: "half")
            try quitter.send(
                "POST /v1/specs HTTP/1.1\r\nHost: x\r\n" + Self.authorization + "Content-Type: application/yaml\r\nContent-Length: \(spec.utf8.count)\r\n\r\n"
                    + String(spec.prefix(20)))
            quitter.close()
            let client = try RawClient(port: port)
            defer { client.close() }
            try client.send(request("GET", "/v1/specs/half"))
            #expect(try client.readResponse().status == 404)
        }
    }

    @Test func smugglingAttemptGetsOne400AndAClose() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            defer { client.close() }
            let smuggled = request("GET", "/v1/specs")
            try client.send(
                "POST /v1/render HTTP/1.1\r\nHost: x\r\n" + Self.authorization + "Content-Length: \(smuggled.utf8.count)\r\nContent-Length: 0\r\n\r\n"
                    + smuggled)
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(client.waitForClose(timeout: .seconds(3)))
        }
    }
}
