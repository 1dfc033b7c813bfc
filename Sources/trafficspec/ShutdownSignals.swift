import Dispatch
import Foundation

/// SIGTERM and SIGINT delivered as ordinary callbacks on a dispatch queue: the C handlers are
/// set to `SIG_IGN` so the kernel queues the signal for the dispatch source instead of killing
/// the process, and no work runs in async-signal context.
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    init(onSignal: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "trafficspec.signals")
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onSignal(number) }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
