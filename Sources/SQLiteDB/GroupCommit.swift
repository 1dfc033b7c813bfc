import Dispatch
import Synchronization

/// Group commit: concurrent write transactions share one `COMMIT`, and so one fsync.
///
/// With `synchronous=FULL` every commit waits for the disk, so one transaction per write caps
/// throughput at the disk's fsync rate however many clients wait. Here writers queue up; the
/// first becomes the leader and runs everything queued in one `BEGIN IMMEDIATE … COMMIT`, each
/// write inside its own `SAVEPOINT` so that one write's error undoes only that write. Every
/// write is acknowledged only after the shared commit succeeded; if it fails, every write of
/// the batch fails with it. Leadership then passes to the oldest waiting writer, so no caller
/// serves others indefinitely.
final class GroupCommit: Sendable {
    /// One queued write. `@unchecked Sendable`: `perform` runs on the leader's thread while its
    /// owner waits on `done`; `isLeader` and `commitError` are written before `done.signal()`
    /// and read after `done.wait()`, which orders the accesses.
    private final class Pending: @unchecked Sendable {
        let perform: (SQLiteConnection) -> Bool
        let done = DispatchSemaphore(value: 0)
        var isLeader = false
        var commitError: (any Error)?

        init(perform: @escaping (SQLiteConnection) -> Bool) { self.perform = perform }
    }

    private struct State {
        var queue: [Pending] = []
        var leaderActive = false
    }

    private let state = Mutex(State())

    /// Runs `body` in the next group transaction and returns once that transaction committed.
    func write<T>(on database: SQLiteDatabase, _ body: @escaping (SQLiteConnection) throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let pending = Pending { connection in
            do {
                try connection.execute("SAVEPOINT group_write")
            } catch {
                outcome.result = .failure(error)
                return connection.isInTransaction
            }
            do {
                let value = try body(connection)
                try connection.execute("RELEASE group_write")
                outcome.result = .success(value)
            } catch {
                outcome.result = .failure(error)
                try? connection.execute("ROLLBACK TO group_write")
                try? connection.execute("RELEASE group_write")
            }
            // SQLite rolls back the whole transaction on some errors (SQLITE_FULL, IOERR, …);
            // then later writes would autocommit one by one, so the batch must stop.
            return connection.isInTransaction
        }
        let leads = state.withLock { state -> Bool in
            state.queue.append(pending)
            guard !state.leaderActive else { return false }
            state.leaderActive = true
            return true
        }
        if !leads { pending.done.wait() }
        if leads || pending.isLeader { runBatch(on: database) }

        switch outcome.result {
        case .success(let value):
            if let commitError = pending.commitError { throw commitError }
            return value
        case .failure(let error):
            throw error
        case nil:
            throw pending.commitError ?? SQLiteError.misuse("group write was not run")
        }
    }

    /// Takes every queued write (the caller's own included) and commits them together.
    private func runBatch(on database: SQLiteDatabase) {
        let batch = state.withLock { state -> [Pending] in
            defer { state.queue.removeAll() }
            return state.queue
        }
        var commitError: (any Error)?
        do {
            try database.withWriterConnection { connection in
                try connection.execute("BEGIN IMMEDIATE")
                var intact = true
                for pending in batch where intact {
                    intact = pending.perform(connection)
                }
                guard intact else {
                    throw SQLiteError.misuse("the transaction was rolled back by SQLite during a group write")
                }
                do {
                    try connection.execute("COMMIT")
                } catch {
                    if connection.isInTransaction { try? connection.execute("ROLLBACK") }
                    throw error
                }
            }
        } catch {
            commitError = error
            try? database.withWriterConnection { connection in
                if connection.isInTransaction { try connection.execute("ROLLBACK") }
            }
        }
        let next = state.withLock { state -> Pending? in
            guard let first = state.queue.first else {
                state.leaderActive = false
                return nil
            }
            return first
        }
        for pending in batch {
            pending.commitError = commitError
            pending.done.signal()
        }
        if let next {
            next.isLeader = true
            next.done.signal()
        }
    }

    /// The typed result of one write, filled on the leader's thread (see `Pending`).
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
