import Testing
@testable import MiniHTTP

/// The deadline and keep-alive rules, driven by made-up instants (no waiting).
struct ConnectionLifecycleTests {
    /// A hand-moved instant: seconds as a Duration offset from zero.
    struct FakeInstant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> FakeInstant { FakeInstant(offset: offset + duration) }
        func duration(to other: FakeInstant) -> Duration { other.offset - offset }
        static func < (lhs: FakeInstant, rhs: FakeInstant) -> Bool { lhs.offset < rhs.offset }

        static func at(_ milliseconds: Int) -> FakeInstant { FakeInstant(offset: .milliseconds(milliseconds)) }
    }

    static let limits = HTTPLimits(
        headerTimeout: .seconds(10), bodyTimeout: .seconds(30), idleTimeout: .seconds(5), maxRequestsPerConnection: 3)

    @Test func firstHeadDeadlineRunsFromAccept() {
        var lifecycle = ConnectionLifecycle(limits: Self.limits, acceptedAt: FakeInstant.at(1000))
        #expect(lifecycle.expiry == .requestTimeout)
        lifecycle.requestStarted(at: .at(9000))
        #expect(lifecycle.deadline == .at(11_000))
        #expect(!lifecycle.isExpired(at: .at(10_999)))
        #expect(lifecycle.isExpired(at: .at(11_000)))
    }

    @Test func dripFeedingDoesNotExtendTheHeadDeadline() {
        var lifecycle = ConnectionLifecycle(limits: Self.limits, acceptedAt: FakeInstant.at(0))
        lifecycle.responseSent(at: .at(0))  // as after a first request
        lifecycle.requestStarted(at: .at(100))
        for millisecond in stride(from: 400, through: 10_000, by: 300) {
            lifecycle.requestStarted(at: .at(millisecond))  // more bytes of the same head
        }
        #expect(lifecycle.deadline == .at(10_100))
        #expect(lifecycle.expiry == .requestTimeout)
    }

    @Test func bodyAndIdleDeadlines() {
        var lifecycle = ConnectionLifecycle(limits: Self.limits, acceptedAt: FakeInstant.at(0))
        lifecycle.requestStarted(at: .at(10))
        lifecycle.headCompleted(at: .at(500))
        #expect(lifecycle.deadline == .at(30_500))
        #expect(lifecycle.expiry == .requestTimeout)
        lifecycle.bodyCompleted()
        #expect(lifecycle.expiry == .none)
        #expect(!lifecycle.isExpired(at: .at(1_000_000)))
        let keptAlive = lifecycle.responseDecided(clientWantsKeepAlive: true, draining: false, handlerRequestsClose: false)
        #expect(keptAlive)
        lifecycle.responseSent(at: .at(2000))
        #expect(lifecycle.phase == .idle)
        #expect(lifecycle.expiry == .closeSilently)
        #expect(lifecycle.deadline == .at(7000))
    }

    @Test func keepAliveDecisions() {
        var lifecycle = ConnectionLifecycle(limits: Self.limits, acceptedAt: FakeInstant.at(0))
        let clientSaidClose = lifecycle.responseDecided(clientWantsKeepAlive: false, draining: false, handlerRequestsClose: false)
        let shuttingDown = lifecycle.responseDecided(clientWantsKeepAlive: true, draining: true, handlerRequestsClose: false)
        // The third request reaches maxRequestsPerConnection = 3.
        let atTheCap = lifecycle.responseDecided(clientWantsKeepAlive: true, draining: false, handlerRequestsClose: false)
        #expect(!clientSaidClose && !shuttingDown && !atTheCap)

        var fresh = ConnectionLifecycle(limits: Self.limits, acceptedAt: FakeInstant.at(0))
        let handlerSaidClose = fresh.responseDecided(clientWantsKeepAlive: true, draining: false, handlerRequestsClose: true)
        let ordinary = fresh.responseDecided(clientWantsKeepAlive: true, draining: false, handlerRequestsClose: false)
        #expect(!handlerSaidClose)
        #expect(ordinary)
    }

    @Test func connectionHeaderValues() {
        typealias Lifecycle = ConnectionLifecycle<FakeInstant>
        #expect(Lifecycle.connectionHeader(keepAlive: false, version: .http1_1) == "close")
        #expect(Lifecycle.connectionHeader(keepAlive: false, version: .http1_0) == "close")
        #expect(Lifecycle.connectionHeader(keepAlive: true, version: .http1_0) == "keep-alive")
        #expect(Lifecycle.connectionHeader(keepAlive: true, version: .http1_1) == nil)
    }
}
