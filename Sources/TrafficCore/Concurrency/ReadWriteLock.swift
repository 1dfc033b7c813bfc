import Foundation  // pthread_rwlock_*

/// A value behind a POSIX read-write lock: any number of readers at once, one writer alone.
///
/// For read-mostly caches hit by every request. `Mutex` from Synchronization spins before it
/// sleeps, and with dozens of request threads on two cores, readers of one hot entry spent a
/// fifth of the server's time spinning on each other; readers of an rwlock do not wait for
/// each other at all.
public final class ReadWriteLock<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched while `lock` is held, shared for reading and
    // exclusive for writing.
    private var value: Value
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    public init(_ value: Value) {
        self.value = value
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// Runs `body` with shared access; other readers may run at the same time.
    public func read<Result>(_ body: (Value) throws -> Result) rethrows -> Result {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(value)
    }

    /// Runs `body` with exclusive access.
    public func write<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(&value)
    }
}
