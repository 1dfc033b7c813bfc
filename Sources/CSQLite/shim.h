// Swift cannot call C variadic functions such as sqlite3_db_config(), nor import the
// SQLITE_TRANSIENT macro (a function-pointer cast of -1). These static inline wrappers give
// SQLiteDB plain, fixed-arity functions instead. Nothing outside SQLiteDB imports this module.
#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H

#include <sqlite3.h>

/// Turns off double-quoted string literals for both DDL and DML.
/// sqlite.org/quirks.html §8: "the SQL standard requires double-quotes around identifiers and
/// single-quotes around string literals"; with DQS on, a misspelled column name in double quotes
/// silently becomes a string. SQLITE_DBCONFIG_DQS_DDL / _DML exist since 3.29.0.
static inline int csqlite_disable_double_quoted_strings(sqlite3 *db) {
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
}

/// Turns on defensive mode. sqlite.org/c3ref/c_dbconfig_defensive.html: "disables language
/// features that allow ordinary SQL to deliberately corrupt the database file" (writable_schema,
/// journal_mode=OFF, direct writes to shadow tables).
static inline int csqlite_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

/// SQLITE_TRANSIENT: "SQLite makes its own private copy of the data immediately, before the
/// sqlite3_bind_*() routine returns" (sqlite.org/c3ref/c_static.html). Swift strings and arrays
/// lend their bytes only for the duration of a call, so every bind must copy.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
