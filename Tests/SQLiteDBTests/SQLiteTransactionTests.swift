import Foundation
import SQLiteDB
import Testing

@Suite("SQLiteConnection.transaction")
struct SQLiteTransactionTests {
    struct Boom: Error, Equatable {
        var tag: Int
    }

    let directory = TemporaryDirectory()

    func openWithTable() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: directory.path())
        try connection.execute("CREATE TABLE t (x INTEGER NOT NULL UNIQUE)")
        return connection
    }

    func count(_ connection: SQLiteConnection) throws -> Int64 {
        try #require(try connection.queryOne("SELECT count(*) FROM t")).int64(0)
    }

    @Test func commit_onReturn() throws {
        let connection = try openWithTable()
        let result = try connection.transaction(.immediate) { connection in
            try connection.execute("INSERT INTO t VALUES (?)", [1])
            #expect(connection.isInTransaction)
            return "done"
        }
        #expect(result == "done")
        #expect(!connection.isInTransaction)
        #expect(try count(connection) == 1)
    }

    @Test func rollback_onThrow_rethrowsFirstError() throws {
        let connection = try openWithTable()
        let error = #expect(throws: Boom.self) {
            try connection.transaction(.immediate) { connection in
                try connection.execute("INSERT INTO t VALUES (?)", [1])
                throw Boom(tag: 1)
            }
        }
        #expect(error == Boom(tag: 1))
        #expect(!connection.isInTransaction)
        #expect(try count(connection) == 0)
    }

    @Test func rollback_afterSQLiteError_rethrowsThatError() throws {
        let connection = try openWithTable()
        let error = #expect(throws: SQLiteError.self) {
            try connection.transaction(.immediate) { connection in
                try connection.execute("INSERT INTO t VALUES (?)", [1])
                try connection.execute("INSERT INTO t VALUES (?)", [1])
            }
        }
        #expect(error?.isUniqueConstraint == true)
        #expect(try count(connection) == 0)
    }

    @Test func rollback_whenBodyAlreadyEndedTransaction() throws {
        let connection = try openWithTable()
        #expect(throws: Boom.self) {
            try connection.transaction(.immediate) { connection in
                try connection.execute("INSERT INTO t VALUES (?)", [1])
                try connection.execute("ROLLBACK")
                throw Boom(tag: 2)
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try count(connection) == 0)
    }

    @Test func rollback_resetsAnUnfinishedQuery() throws {
        let connection = try openWithTable()
        try connection.execute("INSERT INTO t VALUES (1), (2), (3)")
        #expect(throws: Boom.self) {
            try connection.transaction(.immediate) { connection in
                try connection.execute("INSERT INTO t VALUES (?)", [4])
                try connection.forEachRow("SELECT x FROM t ORDER BY x") { _ in throw Boom(tag: 3) }
            }
        }
        #expect(try count(connection) == 3)
        #expect(connection.busyStatements.isEmpty)
    }

    @Test func nestedTransaction_isRefused() throws {
        let connection = try openWithTable()
        try connection.transaction(.immediate) { connection in
            #expect(throws: SQLiteError.self) {
                try connection.transaction(.immediate) { _ in }
            }
        } as Void
    }
}
