-- 0001_initial: specs, their append-only revisions, and the hash-chained audit log.
-- Forward-only: once shipped, never edit this file; add 0002_… instead.
-- Times are RFC 3339 UTC with milliseconds, e.g. 2026-11-22T10:00:00.000Z.
-- STRICT tables (SQLite >= 3.37) reject values of the wrong type instead of storing them anyway.

CREATE TABLE specs (
    id         INTEGER PRIMARY KEY,
    -- A DNS-1123 label: 1-63 characters of [a-z0-9-], starting and ending alphanumeric.
    -- GLOB is case-sensitive and "[^...]" matches any character not listed (sqlite.org/lang_expr.html).
    name       TEXT NOT NULL UNIQUE CHECK (
                   length(name) BETWEEN 1 AND 63
                   AND name NOT GLOB '*[^a-z0-9-]*'
                   AND name GLOB '[a-z0-9]*'
                   AND name GLOB '*[a-z0-9]'
               ),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

CREATE TABLE revisions (
    spec_id    INTEGER NOT NULL REFERENCES specs (id),
    number     INTEGER NOT NULL CHECK (number >= 1),
    -- Lowercase hex SHA-256 of the canonical document.
    digest     TEXT NOT NULL CHECK (length(digest) = 64 AND digest NOT GLOB '*[^0-9a-f]*'),
    format     TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
    -- The document exactly as posted.
    source     TEXT NOT NULL,
    -- Canonical JSON of the document.
    canonical  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (spec_id, number)
) STRICT;

-- Revisions are append-only. RAISE(ABORT) fails the statement with SQLITE_CONSTRAINT_TRIGGER and
-- "backs out any changes made by the current statement" (sqlite.org/lang_createtrigger.html).
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;

CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;

CREATE TABLE audit_events (
    -- Assigned explicitly as previous + 1 inside the writing transaction: 1, 2, 3… with no gaps.
    seq         INTEGER PRIMARY KEY CHECK (seq >= 1),
    occurred_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    -- Canonical JSON object (sorted keys, no whitespace).
    details     TEXT NOT NULL,
    -- hash of the previous event; 64 zeros for seq 1.
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    -- lowercase hex sha256(prev_hash || x'0a' || canonical event JSON).
    hash        TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are immutable');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are immutable');
END;
