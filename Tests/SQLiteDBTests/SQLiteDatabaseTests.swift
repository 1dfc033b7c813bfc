import Dispatch
import Foundation
import SQLiteDB
import Synchronization
import Testing

@Suite("SQLiteDatabase")
struct SQLiteDatabaseTests {
    let directory = TemporaryDirectory()

    @Test func init_createsParentDirectory() throws {
        let path = directory.path("nested/deeper/db.sqlite")
        let database = try SQLiteDatabase(path: path, readerCount: 1)
        database.close()
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func write_thenRead_seesCommittedData() throws {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 2)
        defer { database.close() }
        try database.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        try database.write { try $0.execute("INSERT INTO t VALUES (?)", [41]) }
        let value = try database.read { try $0.queryOne("SELECT x + 1 FROM t")?.int64(0) }
        #expect(value == 42)
    }

    @Test func read_isASnapshot() throws {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 1)
        defer { database.close() }
        try database.write { try $0.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);") }
        let (before, after) = try database.read { connection in
            let before = try connection.queryOne("SELECT count(*) FROM t")?.int64(0)
            // A commit by the writer in the middle of the read is not seen by it.
            try database.write { try $0.execute("INSERT INTO t VALUES (?)", [2]) }
            let after = try connection.queryOne("SELECT count(*) FROM t")?.int64(0)
            return (before, after)
        }
        #expect(before == 1 && after == 1)
        #expect(try database.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) } == 2)
    }

    @Test func read_cannotWrite() throws {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 1)
        defer { database.close() }
        try database.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        let error = #expect(throws: SQLiteError.self) {
            try database.read { try $0.execute("INSERT INTO t VALUES (?)", [1]) }
        }
        #expect(error?.primaryCode == 8)  // SQLITE_READONLY
    }

    @Test func write_whileAnotherProcessHoldsTheLock_failsBusyAfterTimeout() throws {
        let path = directory.path()
        let first = try SQLiteDatabase(path: path, readerCount: 1, busyTimeoutMilliseconds: 100)
        let second = try SQLiteDatabase(path: path, readerCount: 1, busyTimeoutMilliseconds: 100)
        defer {
            first.close()
            second.close()
        }
        try first.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        let started = Date()
        let error = try second.write { connection -> SQLiteError? in
            try connection.execute("INSERT INTO t VALUES (?)", [1])
            return #expect(throws: SQLiteError.self) {
                try first.write { try $0.execute("INSERT INTO t VALUES (?)", [2]) }
            }
        }
        let waited = Date().timeIntervalSince(started)
        #expect(error?.isBusy == true)
        #expect(waited >= 0.09)
        #expect(waited < 3)
        // Readers are not blocked by the other writer, and the failed write left nothing behind.
        #expect(try first.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) } == 1)
        try first.write { try $0.execute("INSERT INTO t VALUES (?)", [3]) }
    }

    @Test func read_whenEveryReaderIsTaken_waitsBoundedThenFailsBusy() throws {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 1, busyTimeoutMilliseconds: 100)
        defer { database.close() }
        let error = try database.read { _ in
            #expect(throws: SQLiteError.self) { try database.read { _ in } }
        }
        #expect(error?.isBusy == true)
        // The reader was returned to the pool afterwards.
        #expect(try database.read { try $0.queryOne("SELECT 1")?.int64(0) } == 1)
    }

    @Test func concurrentWritesAndReads_fromManyThreads() throws {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 2)
        defer { database.close() }
        try database.write { try $0.execute("CREATE TABLE t (x INTEGER NOT NULL)") }
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            do {
                for index in 0..<20 {
                    try database.write { try $0.execute("INSERT INTO t VALUES (?)", [.int(worker * 100 + index)]) }
                    _ = try database.read { try $0.query("SELECT count(*) FROM t") }
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        #expect(try database.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) } == 160)
    }

    @Test func close_checkpointsAndRefusesFurtherUse() throws {
        let path = directory.path()
        let database = try SQLiteDatabase(path: path, readerCount: 1)
        try database.write { try $0.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);") }
        database.close()
        database.close()
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        #expect(throws: SQLiteError.self) { try database.read { _ in } }
        #expect(throws: SQLiteError.self) { try database.write { _ in } }
        let reopened = try SQLiteConnection(path: path, mode: .readOnly)
        #expect(try reopened.queryOne("SELECT x FROM t")?.int64(0) == 1)
    }
}
