import Synchronization

/// The server's counters as individual atomics, so the request path never takes a lock for them.
final class StatisticsCounters: Sendable {
    let connectionsAccepted = Atomic<Int>(0)
    let connectionsActive = Atomic<Int>(0)
    let requestsServed = Atomic<Int>(0)
    let protocolErrors = Atomic<Int>(0)
    let acceptErrors = Atomic<Int>(0)
    let bytesReceived = Atomic<Int>(0)
    let bytesSent = Atomic<Int>(0)
    let status1xx = Atomic<Int>(0)
    let status2xx = Atomic<Int>(0)
    let status3xx = Atomic<Int>(0)
    let status4xx = Atomic<Int>(0)
    let status5xx = Atomic<Int>(0)

    func countResponse(status: Int) {
        switch status / 100 {
        case 1: status1xx.add(1, ordering: .relaxed)
        case 2: status2xx.add(1, ordering: .relaxed)
        case 3: status3xx.add(1, ordering: .relaxed)
        case 4: status4xx.add(1, ordering: .relaxed)
        default: status5xx.add(1, ordering: .relaxed)
        }
    }

    var snapshot: HTTPServerStatistics {
        var result = HTTPServerStatistics()
        result.connectionsAccepted = connectionsAccepted.load(ordering: .relaxed)
        result.connectionsActive = connectionsActive.load(ordering: .relaxed)
        result.requestsServed = requestsServed.load(ordering: .relaxed)
        result.protocolErrors = protocolErrors.load(ordering: .relaxed)
        result.acceptErrors = acceptErrors.load(ordering: .relaxed)
        result.bytesReceived = bytesReceived.load(ordering: .relaxed)
        result.bytesSent = bytesSent.load(ordering: .relaxed)
        result.responsesByStatusClass = [
            1: status1xx.load(ordering: .relaxed), 2: status2xx.load(ordering: .relaxed),
            3: status3xx.load(ordering: .relaxed), 4: status4xx.load(ordering: .relaxed),
            5: status5xx.load(ordering: .relaxed),
        ]
        return result
    }
}
