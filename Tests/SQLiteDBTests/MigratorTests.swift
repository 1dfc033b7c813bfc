import Foundation
import SQLiteDB
import Testing

@Suite("Migrator")
struct MigratorTests {
    let directory = TemporaryDirectory()

    static let first = Migration(identifier: "0001_people", sql: """
        CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO people (id, name) VALUES (1, 'ada');
        """)
    static let second = Migration(identifier: "0002_pets", sql: """
        CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES people (id));
        INSERT INTO pets (id, owner) VALUES (1, 1);
        """)

    func open() throws -> SQLiteConnection {
        try SQLiteConnection(path: directory.path())
    }

    func tableExists(_ name: String, _ connection: SQLiteConnection) throws -> Bool {
        try connection.queryOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(name)]) != nil
    }

    @Test func migrate_fromEmpty_appliesAllInOrderAndRecordsThem() throws {
        let connection = try open()
        // Given out of order on purpose: the migrator sorts by identifier.
        let migrator = try Migrator(migrations: [Self.second, Self.first])
        #expect(try migrator.pendingMigrations(connection) == ["0001_people", "0002_pets"])
        #expect(try migrator.migrate(connection) == ["0001_people", "0002_pets"])
        #expect(try migrator.appliedMigrations(connection) == ["0001_people", "0002_pets"])
        #expect(try migrator.pendingMigrations(connection).isEmpty)
        #expect(try tableExists("pets", connection))
        let appliedAt = try #require(try connection.queryOne("SELECT applied_at FROM schema_migrations LIMIT 1")).string(0)
        #expect(appliedAt.count == 24 && appliedAt.hasSuffix("Z"))
        #expect(try connection.queryOne("PRAGMA foreign_keys")?.int64(0) == 1)
    }

    @Test func migrate_again_appliesNothing() throws {
        let connection = try open()
        let migrator = try Migrator(migrations: [Self.first, Self.second])
        try migrator.migrate(connection)
        #expect(try migrator.migrate(connection).isEmpty)
        #expect(try connection.queryOne("SELECT count(*) FROM people")?.int64(0) == 1)
    }

    @Test func migrate_incrementally_appliesOnlyNewOnes() throws {
        let connection = try open()
        #expect(try Migrator(migrations: [Self.first]).migrate(connection) == ["0001_people"])
        #expect(try Migrator(migrations: [Self.first, Self.second]).migrate(connection) == ["0002_pets"])
    }

    @Test func migrate_databaseWithUnknownIdentifier_isNewer() throws {
        let connection = try open()
        try Migrator(migrations: [Self.first, Self.second]).migrate(connection)
        let older = try Migrator(migrations: [Self.first])
        #expect(throws: MigrationError.databaseIsNewer(unknown: ["0002_pets"])) { try older.migrate(connection) }
        #expect(throws: MigrationError.databaseIsNewer(unknown: ["0002_pets"])) { try older.pendingMigrations(connection) }
    }

    @Test func migrate_failingMigration_leavesNothingOfIt() throws {
        let connection = try open()
        let broken = Migration(identifier: "0002_broken", sql: """
            CREATE TABLE half (x INTEGER);
            INSERT INTO missing_table VALUES (1);
            """)
        let migrator = try Migrator(migrations: [Self.first, broken])
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(connection) }
        guard case .failed(let identifier, let sqliteError) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(identifier == "0002_broken")
        #expect(sqliteError.message.contains("missing_table"))
        #expect(try migrator.appliedMigrations(connection) == ["0001_people"])
        #expect(try !tableExists("half", connection))
        #expect(try tableExists("people", connection))
        #expect(!connection.isInTransaction)
        #expect(try connection.queryOne("PRAGMA foreign_keys")?.int64(0) == 1)
    }

    @Test func migrate_foreignKeyViolation_abortsTheMigration() throws {
        let connection = try open()
        let dangling = Migration(identifier: "0002_dangling", sql: """
            CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES people (id));
            INSERT INTO pets (id, owner) VALUES (1, 99);
            """)
        let migrator = try Migrator(migrations: [Self.first, dangling])
        // Enforcement is off during the migration, so the INSERT itself succeeds; the check
        // before commit must catch it.
        #expect(throws: MigrationError.foreignKeyViolation(migration: "0002_dangling", table: "pets", rowid: 1)) {
            try migrator.migrate(connection)
        }
        #expect(try migrator.appliedMigrations(connection) == ["0001_people"])
        #expect(try !tableExists("pets", connection))
    }

    @Test func init_duplicateIdentifier_isRefused() {
        #expect(throws: MigrationError.duplicateIdentifier("0001_people")) {
            try Migrator(migrations: [Self.first, Self.first])
        }
    }

    @Test func migrate_throughDatabaseWriter() throws {
        let database = try SQLiteDatabase(path: directory.path(), readerCount: 1)
        defer { database.close() }
        let migrator = try Migrator(migrations: [Self.first, Self.second])
        let applied = try database.withWriterConnection { try migrator.migrate($0) }
        #expect(applied.count == 2)
        #expect(try database.read { try migrator.pendingMigrations($0) }.isEmpty)
    }
}
