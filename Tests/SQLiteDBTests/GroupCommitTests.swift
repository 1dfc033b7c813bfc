import Dispatch
import Synchronization
import Testing
@testable import SQLiteDB

@Suite(.timeLimit(.minutes(1))) struct GroupCommitTests {
    private func makeDatabase(_ directory: TemporaryDirectory) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 2)
        try database.write { try $0.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL, n INTEGER NOT NULL)") }
        return database
    }

    @Test func concurrentWritersAllCommitAndEachGetsItsOwnResult() throws {
        let directory = TemporaryDirectory()
        let database = try makeDatabase(directory)
        defer { database.close() }
        let wrong = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 16) { owner in
            for n in 0..<25 {
                let id = try? database.groupWrite { connection -> Int64 in
                    try connection.execute("INSERT INTO items (owner, n) VALUES (?, ?)", [.int(owner), .int(n)])
                    return connection.lastInsertRowID
                }
                // The row id returned must be the row this writer inserted.
                let stored = try? database.read { connection -> [Int64]? in
                    guard let row = try connection.queryOne("SELECT owner, n FROM items WHERE id = ?", [.integer(id ?? -1)])
                    else { return nil }
                    return [try row.int64(0), try row.int64(1)]
                }
                if stored != [Int64(owner), Int64(n)] { wrong.add(1, ordering: .relaxed) }
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        let count = try database.read { try $0.queryOne("SELECT COUNT(*) FROM items")?.int64(0) ?? -1 }
        #expect(count == 16 * 25)
    }

    struct Refused: Error, Equatable {
        var owner: Int
    }

    @Test func aFailingWriteUndoesOnlyItself() throws {
        let directory = TemporaryDirectory()
        let database = try makeDatabase(directory)
        defer { database.close() }
        let refusedCount = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 12) { owner in
            for n in 0..<20 {
                do {
                    try database.groupWrite { connection in
                        try connection.execute("INSERT INTO items (owner, n) VALUES (?, ?)", [.int(owner), .int(n)])
                        // Odd owners fail after writing: their row must vanish with the savepoint.
                        if owner % 2 == 1 { throw Refused(owner: owner) }
                    }
                } catch let error as Refused {
                    if error.owner == owner { refusedCount.add(1, ordering: .relaxed) }
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
        #expect(refusedCount.load(ordering: .relaxed) == 6 * 20)
        let owners = try database.read { connection in
            try connection.query("SELECT DISTINCT owner FROM items ORDER BY owner").map { try $0.int64(0) }
        }
        #expect(owners == [0, 2, 4, 6, 8, 10])
        let count = try database.read { try $0.queryOne("SELECT COUNT(*) FROM items")?.int64(0) ?? -1 }
        #expect(count == 6 * 20)
    }
}
