import Foundation
import Synchronization

/// A clock the test moves by hand, shared with the store's `now` closure.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date {
        current.withLock { $0 }
    }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}
