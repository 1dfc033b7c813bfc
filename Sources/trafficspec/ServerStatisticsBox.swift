import MiniHTTP
import Synchronization

/// Lets the API read the server's counters although the API is built before the server (the
/// server needs the API's handler first).
final class ServerStatisticsBox: Sendable {
    private let box = Mutex<HTTPServer?>(nil)

    var server: HTTPServer? {
        get { box.withLock { $0 } }
        set { box.withLock { $0 = newValue } }
    }

    var current: HTTPServerStatistics? { server?.statistics }
}
