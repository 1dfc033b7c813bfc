import Dispatch
import Foundation
import Synchronization

/// The threads that serve connections, kept for reuse.
///
/// Starting a thread per connection cost more than serving a short `Connection: close`
/// request, so a thread that finishes a connection waits for the next one instead of exiting.
/// At most `idleLimit` threads wait; the rest exit, so a burst does not leave hundreds of idle
/// threads behind. The number of threads busy at once is bounded by the server's connection
/// slots, not here.
final class ConnectionThreads: Sendable {
    typealias Job = @Sendable () -> Void

    private struct State {
        var jobs: [Job] = []
        /// Threads waiting on `wakeUp`, minus wake-ups already sent to them.
        var idle = 0
        var stopped = false
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    let idleLimit: Int

    init(idleLimit: Int) {
        self.idleLimit = max(0, idleLimit)
    }

    /// Runs `job` on a waiting thread, or on a new one when none waits.
    func run(_ job: @escaping Job) {
        let wakeWaiting = state.withLock { state -> Bool in
            guard state.idle > 0 else { return false }
            state.jobs.append(job)
            state.idle -= 1
            return true
        }
        if wakeWaiting {
            wakeUp.signal()
            return
        }
        let thread = Thread { [self] in work(first: job) }
        thread.name = "MiniHTTP.connection"
        thread.start()
    }

    /// True while at least one thread waits for a job (for tests).
    var hasIdleThread: Bool { state.withLock { $0.idle > 0 } }

    /// Lets every waiting thread exit, and every busy one exit when its job ends.
    func stop() {
        let waiting = state.withLock { state -> Int in
            state.stopped = true
            let waiting = state.idle
            state.idle = 0
            return waiting
        }
        for _ in 0..<waiting { wakeUp.signal() }
    }

    private enum Next {
        case run(Job)
        case wait
        case exit
    }

    private func work(first: @escaping Job) {
        var job: Job? = first
        while true {
            if let current = job {
                current()
                job = nil
            }
            let next = state.withLock { state -> Next in
                if let queued = state.jobs.first {
                    state.jobs.removeFirst()
                    return .run(queued)
                }
                if state.stopped || state.idle >= idleLimit { return .exit }
                state.idle += 1
                return .wait
            }
            switch next {
            case .run(let queued):
                job = queued
            case .exit:
                return
            case .wait:
                wakeUp.wait()
                // The job this wake-up was sent for may have been taken by a thread that just
                // finished its own; then this one goes back to waiting (or exits when stopped).
            }
        }
    }
}
