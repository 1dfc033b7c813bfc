#if canImport(Glibc)
import TestSupport
import Glibc
#endif
import Foundation
import Testing
@testable import MiniHTTP

/// Start, capacity and shutdown.
@Suite(.timeLimit(.minutes(1)))
struct ServerLifecycleTests {
    @Test(.timeLimit(.minutes(1)))
    func startingOnAPortInUseThrows() throws {
        try TestSupport.withServer { server in
            let second = HTTPServer(
                configuration: HTTPServerConfiguration(host: "127.0.0.1", port: server.localPort),
                logger: TestSupport.quietLogger, handler: { _ in HTTPResponse(status: .ok) })
            do throws(HTTPServerError) {
                try second.start()
                Issue.record("start() on a port in use must throw")
                second.shutdown()
            } catch {
                #expect(error.errno == EADDRINUSE)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func invalidAddressThrows() {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "not-an-ip", port: 0),
            logger: TestSupport.quietLogger, handler: { _ in HTTPResponse(status: .ok) })
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["localhost", "::1"])
    func listensOnOtherAddresses(_ host: String) throws {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: host, port: 0, limits: TestSupport.fastLimits),
            logger: TestSupport.quietLogger, handler: { _ in HTTPResponse(status: .ok) })
        let started = Result { () throws(HTTPServerError) in try server.start() }
        if case .failure(let error) = started {
            // No IPv6 loopback in this environment: nothing to test.
            #expect(error.errno == EADDRNOTAVAIL || error.errno == EAFNOSUPPORT)
            return
        }
        defer { server.shutdown() }
        #expect(server.localPort > 0)
        if host == "localhost" {
            let client = try RawClient(port: server.localPort)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func atMaxConnectionsTheNextClientWaitsInTheBacklog() throws {
        var limits = TestSupport.fastLimits
        limits.maxConnections = 2
        limits.idleTimeout = .seconds(10)
        limits.headerTimeout = .seconds(10)
        try TestSupport.withServer(limits: limits) { server in
            let first = try RawClient(port: server.localPort)
            let second = try RawClient(port: server.localPort)
            for client in [first, second] {
                try client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try RawClient(port: server.localPort)
            try third.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(third.receivesNothing(within: .milliseconds(400)), "a third client must not be served at the cap")
            #expect(server.statistics.connectionsActive == 2)
            first.close()
            let response = try third.readResponse(timeout: .seconds(3))
            #expect(response.status == 200)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func shutdownLetsInFlightRequestsFinishWithConnectionClose() throws {
        let handlerStarted = DispatchSemaphore(value: 0)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: "127.0.0.1", port: 0, limits: TestSupport.fastLimits, shutdownGracePeriod: .seconds(5)),
            logger: TestSupport.quietLogger,
            handler: { request in
                if request.path == "/slow" {
                    handlerStarted.signal()
                    Thread.sleep(forTimeInterval: 0.4)
                }
                return HTTPResponse(status: .ok, body: Array("done".utf8))
            })
        try server.start()
        let port = server.localPort

        let idle = try RawClient(port: port)
        try idle.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try idle.readResponse().status == 200)

        let busy = try RawClient(port: port)
        try busy.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(handlerStarted.wait(timeout: .now() + 5) == .success)

        let stopped = DispatchSemaphore(value: 0)
        let shutdownStarted = ContinuousClock.now
        Thread.detachNewThread {
            server.shutdown()
            stopped.signal()
        }
        // The idle keep-alive connection is closed without a response.
        #expect(idle.waitForClose(timeout: .seconds(2)))
        #expect(idle.buffer.isEmpty)

        let response = try busy.readResponse(timeout: .seconds(3))
        #expect(response.status == 200)
        #expect(response.bodyText == "done")
        #expect(response.header("Connection") == "close")
        busy.close()

        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect(ContinuousClock.now - shutdownStarted < .seconds(3))
        server.waitUntilStopped()
        server.shutdown()  // idempotent
        #expect(throws: RawClient.Failure.self) { try RawClient(port: port) }
        let statistics = server.statistics
        #expect(statistics.connectionsActive == 0)
        #expect(statistics.requestsServed == 2)
        #expect(statistics.responsesByStatusClass[2] == 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func shutdownForceClosesAfterTheGracePeriod() throws {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: "127.0.0.1", port: 0, limits: TestSupport.fastLimits, shutdownGracePeriod: .milliseconds(200)),
            logger: TestSupport.quietLogger, handler: { _ in HTTPResponse(status: .ok) })
        try server.start()
        // A client stuck mid-head is in flight; after the grace period its socket is shut down.
        let client = try RawClient(port: server.localPort)
        try client.send("GET / HTTP/1.1\r\nHost:")
        Thread.sleep(forTimeInterval: 0.05)
        let started = ContinuousClock.now
        server.shutdown()
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(client.waitForClose(timeout: .seconds(1)))
        #expect(server.statistics.connectionsActive == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func shutdownBeforeStartAndWaitUntilStoppedReturn() {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
            logger: TestSupport.quietLogger, handler: { _ in HTTPResponse(status: .ok) })
        server.shutdown()
        server.waitUntilStopped()
        #expect(server.statistics.connectionsAccepted == 0)
    }
}
