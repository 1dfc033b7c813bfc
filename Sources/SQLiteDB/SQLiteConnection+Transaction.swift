import CSQLite

extension SQLiteConnection {
    /// Runs `body` inside a transaction: commits when it returns, rolls back when it throws and
    /// rethrows that (first) error.
    ///
    /// Use `.immediate` for anything that writes. A deferred transaction starts as a reader and
    /// upgrades to a writer at its first write; if another connection wrote in between, the upgrade
    /// fails with SQLITE_BUSY at once and waiting cannot help, because "the busy handler is not
    /// invoked" when that would deadlock (sqlite.org/c3ref/busy_handler.html, and
    /// sqlite.org/lang_transaction.html: "If some other database connection has already modified
    /// the database … the upgrade … may fail with an SQLITE_BUSY error"). BEGIN IMMEDIATE takes the
    /// write lock up front, where the busy timeout does apply.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: (SQLiteConnection) throws -> T) throws -> T {
        guard !isInTransaction else {
            throw SQLiteError.misuse("a transaction is already open on this connection")
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            // A failed COMMIT (e.g. SQLITE_BUSY) may leave the transaction open; never leave it so.
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Rolls back if a transaction is still open. Some errors (SQLITE_FULL, SQLITE_IOERR,
    /// SQLITE_BUSY, SQLITE_NOMEM) make SQLite roll back by itself, and a ROLLBACK then fails
    /// with "cannot rollback - no transaction is active"; sqlite.org/lang_transaction.html advises
    /// to check with sqlite3_get_autocommit() instead of guessing. An error of the rollback itself
    /// is dropped so that the caller sees the error that caused it.
    func rollbackIfNeeded() {
        guard isInTransaction else { return }
        // Reset statements first: an unfinished SELECT would make ROLLBACK fail with SQLITE_BUSY
        // on older SQLite, and a rolled-back statement must not be stepped further anyway.
        resetBusyStatements()
        try? execute("ROLLBACK TRANSACTION")
    }

    private func resetBusyStatements() {
        guard let handle = try? liveHandle(sql: nil) else { return }
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            if sqlite3_stmt_busy(current) != 0 {
                sqlite3_reset(current)
            }
            statement = sqlite3_next_stmt(handle, current)
        }
    }
}
