import CSQLite
import Dispatch
import Foundation
import Synchronization

/// A database file shared by many threads: one writer connection and a small pool of read-only
/// connections. In WAL mode "readers do not block writers and a writer does not block readers"
/// (sqlite.org/wal.html), while there is only ever one writer, so a single writer connection
/// behind a lock loses nothing and turns writer-versus-writer SQLITE_BUSY into an in-process wait.
///
/// Everything is synchronous and blocking: call it from ordinary threads, never from Swift
/// concurrency tasks, which must not block.
///
/// `@unchecked Sendable` is safe because each non-Sendable connection is only touched under a
/// lock: `writer` only inside `writerLock.withLock` (a `Mutex<Bool>` holding the closed flag),
/// and `readers[i]` only by the thread that removed `i` from `freeReaders` (a `Mutex<[Int]>`)
/// until it puts `i` back. `readerSlots` (a DispatchSemaphore, itself thread-safe) counts the
/// free indices so a thread can wait, bounded, for one.
public final class SQLiteDatabase: @unchecked Sendable {
    /// The file path.
    public let path: String
    private let writer: SQLiteConnection
    private let writerLock = Mutex(false)
    private let groupCommit = GroupCommit()
    private let readers: [SQLiteConnection]
    private let freeReaders: Mutex<[Int]>
    private let readerSlots: DispatchSemaphore
    private let readerWait: DispatchTimeInterval
    private let closed = Atomic<Bool>(false)

    /// Opens the writer (creating the file and its parent directory if missing) and then
    /// `readerCount` read-only connections.
    ///
    /// - Parameters:
    ///   - readerCount: at least 1.
    ///   - busyTimeoutMilliseconds: busy timeout of every connection, and also the longest a
    ///     `read` waits for a free reader connection.
    public init(path: String, readerCount: Int = 4, busyTimeoutMilliseconds: Int = 5000) throws(SQLiteError) {
        guard readerCount >= 1 else {
            throw SQLiteError.misuse("readerCount must be at least 1")
        }
        try Self.createParentDirectory(of: path)
        let writer = try SQLiteConnection(path: path, mode: .readWrite, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount {
            readers.append(try SQLiteConnection(path: path, mode: .readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds))
        }
        self.path = path
        self.writer = writer
        self.readers = readers
        self.freeReaders = Mutex(Array(readers.indices))
        self.readerSlots = DispatchSemaphore(value: readerCount)
        self.readerWait = .milliseconds(busyTimeoutMilliseconds)
    }

    deinit {
        close()
    }

    private static func createParentDirectory(of path: String) throws(SQLiteError) {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot create directory \(parent.path): \(error)")
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the writer connection: commits when it
    /// returns, rolls back and rethrows when it throws. Writers are serialized in process.
    /// Not reentrant: calling `write` from inside `body` deadlocks (use the connection given).
    public func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try withWriterConnection { connection in
            try connection.transaction(.immediate, body)
        }
    }

    /// Like `write`, but concurrent callers share one transaction and one commit (see
    /// `GroupCommit`): each body runs in its own savepoint, and each call returns only after the
    /// shared commit is durable. Use it for many small independent writes.
    public func groupWrite<T>(_ body: @escaping (SQLiteConnection) throws -> T) throws -> T {
        try groupCommit.write(on: self, body)
    }

    /// Gives exclusive use of the writer connection without opening a transaction, for work that
    /// must run outside one (migrations toggle `PRAGMA foreign_keys`, which "is a no-op within a
    /// transaction", sqlite.org/pragma.html#pragma_foreign_keys).
    public func withWriterConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writerLock.withLock { isClosed throws -> T in
            guard !isClosed else { throw SQLiteError.misuse("database is closed") }
            return try body(writer)
        }
    }

    /// Runs `body` in a deferred transaction on a free reader connection, so every query in it sees
    /// one consistent snapshot. Waits for a reader if all are in use, at most the busy timeout,
    /// then fails with SQLITE_BUSY.
    public func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        guard !closed.load(ordering: .acquiring) else { throw SQLiteError.misuse("database is closed") }
        guard readerSlots.wait(timeout: .now() + readerWait) == .success else {
            throw SQLiteError(code: SQLITE_BUSY, message: "no reader connection became free in time")
        }
        defer { readerSlots.signal() }
        guard let index = freeReaders.withLock({ $0.popLast() }) else {
            throw SQLiteError.misuse("database is closed")
        }
        defer { freeReaders.withLock { $0.append(index) } }
        let reader = readers[index]
        guard !reader.isClosed else { throw SQLiteError.misuse("database is closed") }
        return try reader.transaction(.deferred, body)
    }

    /// Closes the readers, checkpoints and truncates the WAL, then closes the writer. Waits for
    /// running reads and writes to finish. Idempotent.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Take every reader slot, so that no read is running while its connection closes.
        for _ in readers {
            _ = readerSlots.wait(timeout: .now() + readerWait)
        }
        freeReaders.withLock { free in
            for index in free {
                try? readers[index].close()
            }
            free.removeAll()
        }
        writerLock.withLock { isClosed in
            guard !isClosed else { return }
            isClosed = true
            // TRUNCATE: "blocks … until all readers are finished … and then truncates the log file
            // to zero bytes" (sqlite.org/pragma.html#pragma_wal_checkpoint), leaving a self-contained
            // database file behind.
            try? writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try? writer.close()
        }
        for _ in readers {
            readerSlots.signal()
        }
    }
}
