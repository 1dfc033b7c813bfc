import Foundation
import SQLiteDB
import Testing

@Suite("SQLiteConnection")
struct SQLiteConnectionTests {
    let directory = TemporaryDirectory()

    func open(_ mode: SQLiteConnection.Mode = .readWrite) throws -> SQLiteConnection {
        try SQLiteConnection(path: directory.path(), mode: mode)
    }

    @Test func open_writer_setsWALFullSynchronousAndForeignKeys() throws {
        let connection = try open()
        #expect(try connection.queryOne("PRAGMA journal_mode")?.string(0) == "wal")
        #expect(try connection.queryOne("PRAGMA synchronous")?.int64(0) == 2)
        #expect(try connection.queryOne("PRAGMA foreign_keys")?.int64(0) == 1)
        try connection.close()
    }

    @Test func open_reader_cannotWrite() throws {
        let writer = try open()
        try writer.execute("CREATE TABLE t (x INTEGER)")
        let reader = try open(.readOnly)
        #expect(try reader.queryOne("PRAGMA foreign_keys")?.int64(0) == 1)
        let error = #expect(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (?)", [1]) }
        #expect(error?.primaryCode == 8)  // SQLITE_READONLY
        try reader.close()
        try writer.close()
    }

    @Test func open_missingDirectory_failsWithCantOpen() {
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteConnection(path: directory.path("missing/dir/x.sqlite"))
        }
        #expect(error?.primaryCode == 14)  // SQLITE_CANTOPEN
    }

    @Test func doubleQuotedStrings_areIdentifiersOnly() throws {
        let connection = try open()
        try connection.execute("CREATE TABLE t (x TEXT)")
        // With DQS on, "nope" would silently be the string 'nope'.
        #expect(throws: SQLiteError.self) { try connection.query("SELECT \"nope\" FROM t") }
    }

    @Test func bindAndRead_roundTripsEveryType() throws {
        let connection = try open()
        try connection.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, value ANY) STRICT")
        let values: [SQLiteValue] = [
            .null,
            .integer(Int64.min), .integer(Int64.max), .integer(0), .integer(-1),
            .real(3.25), .real(-0.0), .real(Double.greatestFiniteMagnitude),
            .text(""), .text("plain"), .text("nul\u{0}inside\u{0}"), .text("ünïcødé 🚦 日本語"),
            .blob([]), .blob([0, 1, 2, 255, 0]), .blob(Array(repeating: 0xAB, count: 10_000)),
        ]
        for value in values {
            try connection.execute("INSERT INTO v (value) VALUES (?)", [value])
        }
        let read = try connection.query("SELECT value FROM v ORDER BY id").map { try $0.value(0) }
        #expect(read == values)
        #expect(try connection.queryOne("SELECT length(CAST(value AS BLOB)) FROM v WHERE id = 11")?.int64(0) == 11)
        #expect(connection.busyStatements.isEmpty)
    }

    @Test func typedAccessors_readAndRejectMismatches() throws {
        let connection = try open()
        let row = try #require(try connection.queryOne("SELECT 42, 'text', x'0102', NULL, 1.5"))
        #expect(try row.int64(0) == 42)
        #expect(try row.int(0) == 42)
        #expect(try row.string(1) == "text")
        #expect(try row.blob(2) == [1, 2])
        #expect(try row.optionalString(3) == nil)
        #expect(try row.optionalInt64(3) == nil)
        #expect(try row.double(4) == 1.5)
        let error = #expect(throws: SQLiteError.self) { try row.string(0) }
        #expect(error?.primaryCode == 20)  // SQLITE_MISMATCH
        #expect(throws: SQLiteError.self) { try row.int64(3) }
        #expect(throws: SQLiteError.self) { try row.value(9) }
    }

    @Test func cachedStatement_isReusedWithFreshBindings() throws {
        let connection = try open()
        try connection.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
        let insert = try connection.cachedStatement("INSERT INTO t (k, v) VALUES (?, ?)")
        for key in 1...5 {
            try insert.execute([.integer(Int64(key)), .text("v\(key)")])
            #expect(connection.lastInsertRowID == Int64(key))
            #expect(connection.changes == 1)
        }
        #expect(try connection.cachedStatement("INSERT INTO t (k, v) VALUES (?, ?)") === insert)
        let select = "SELECT v FROM t WHERE k = ?"
        #expect(try connection.queryOne(select, [3])?.string(0) == "v3")
        #expect(try connection.queryOne(select, [5])?.string(0) == "v5")
        #expect(try connection.queryOne(select, [9]) == nil)
        // Wrong number of values is refused instead of leaving a parameter NULL.
        #expect(throws: SQLiteError.self) { try connection.query(select, []) }
        #expect(connection.busyStatements.isEmpty)
        try connection.close()
    }

    @Test func prepare_rejectsTrailingStatements() throws {
        let connection = try open()
        #expect(throws: SQLiteError.self) { try connection.query("SELECT 1; SELECT 2", []) }
        #expect(try connection.queryOne("SELECT 1;  ")?.int64(0) == 1)
    }

    @Test func executeScript_runsEveryStatement() throws {
        let connection = try open()
        try connection.execute("""
            -- a comment
            CREATE TABLE a (x INTEGER);
            INSERT INTO a VALUES (1);
            INSERT INTO a VALUES (2);
            PRAGMA user_version = 7;
            """)
        #expect(try connection.queryOne("SELECT sum(x) FROM a")?.int64(0) == 3)
        #expect(try connection.queryOne("PRAGMA user_version")?.int64(0) == 7)
        let error = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO a VALUES (3); INSERT INTO nowhere VALUES (4);")
        }
        #expect(error?.sql?.contains("nowhere") == true)
    }

    @Test func error_hasExtendedCodeAndNoBoundValue() throws {
        let connection = try open()
        try connection.execute("CREATE TABLE secrets (token TEXT NOT NULL UNIQUE CHECK (length(token) < 30))")
        let secret = "hunter2-super-secret-token"
        try connection.execute("INSERT INTO secrets VALUES (?)", [.text(secret)])
        let unique = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO secrets VALUES (?)", [.text(secret)])
        }
        #expect(unique?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(unique?.primaryCode == 19)
        #expect(unique?.isConstraint == true)
        #expect(unique?.isUniqueConstraint == true)
        #expect(unique?.isBusy == false)
        #expect(unique?.sql == "INSERT INTO secrets VALUES (?)")
        #expect(!String(describing: try #require(unique)).contains(secret))
        #expect(!String(reflecting: try #require(unique)).contains(secret))

        let longSecret = String(repeating: "s3cr3t", count: 10)
        let check = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO secrets VALUES (?)", [.text(longSecret)])
        }
        #expect(check?.isCheckConstraint == true)
        #expect(!String(describing: try #require(check)).contains("s3cr3t"))
    }

    @Test func close_reportsBusyStatements() throws {
        let connection = try open()
        let statement = try connection.prepare("SELECT 1 UNION ALL SELECT 2")
        try statement.bind([])
        #expect(try statement.step())
        #expect(connection.busyStatements == ["SELECT 1 UNION ALL SELECT 2"])
        #expect(throws: SQLiteError.self) { try connection.close() }
        #expect(connection.isClosed)
        #expect(throws: SQLiteError.self) { try connection.query("SELECT 1") }
    }
}
