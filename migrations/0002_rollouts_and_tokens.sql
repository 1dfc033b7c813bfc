-- 0002_rollouts_and_tokens: API tokens, environments and the append-only rollout history.
-- Forward-only: once shipped, never edit this file; add 0003_… instead.
-- Times are RFC 3339 UTC with milliseconds, as in 0001. Every mutation of these tables also
-- appends an audit event (0001's audit_events) in the same transaction; the store does that.

-- API tokens. The secret is shown once when the token is created and never stored: token_hash is
-- the lowercase hex SHA-256 of the secret's UTF-8 text, enough to recognize it and useless to
-- replay. Revocation is the only change a token ever gets (see the trigger below).
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    -- The name is the actor recorded for every write made with the token, so it is restricted to
    -- characters that are safe in logs and headers: 1-64 of [A-Za-z0-9._@-].
    name       TEXT NOT NULL UNIQUE CHECK (
                   length(name) BETWEEN 1 AND 64
                   AND name NOT GLOB '*[^A-Za-z0-9._@-]*'
               ),
    role       TEXT NOT NULL CHECK (role IN ('viewer', 'author', 'deployer', 'admin')),
    -- UNIQUE also gives the index that authentication looks the digest up by.
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    -- NULL: never expires.
    expires_at TEXT,
    -- Both NULL while the token is valid; both set by the one allowed UPDATE.
    revoked_at TEXT,
    revoked_by TEXT,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;

-- The one UPDATE allowed: setting revoked_at/revoked_by on a token not yet revoked, leaving every
-- other column as it was. `IS NOT` compares NULLs as values (sqlite.org/lang_expr.html#isisnot).
CREATE TRIGGER api_tokens_only_revocation BEFORE UPDATE ON api_tokens
WHEN OLD.revoked_at IS NOT NULL
  OR NEW.revoked_at IS NULL
  OR NEW.id IS NOT OLD.id
  OR NEW.name IS NOT OLD.name
  OR NEW.role IS NOT OLD.role
  OR NEW.token_hash IS NOT OLD.token_hash
  OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by IS NOT OLD.created_by
  OR NEW.expires_at IS NOT OLD.expires_at
BEGIN
    SELECT RAISE(ABORT, 'api tokens can only be revoked, once');
END;

CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens
BEGIN
    SELECT RAISE(ABORT, 'api tokens are never deleted; revoke them');
END;

-- Deployment targets (dev, staging, prod, …), created on first use. Append-only.
CREATE TABLE environments (
    id         INTEGER PRIMARY KEY,
    -- A DNS-1123 label, checked as for specs.name.
    name       TEXT NOT NULL UNIQUE CHECK (
                   length(name) BETWEEN 1 AND 63
                   AND name NOT GLOB '*[^a-z0-9-]*'
                   AND name GLOB '[a-z0-9]*'
                   AND name GLOB '*[a-z0-9]'
               ),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER environments_no_update BEFORE UPDATE ON environments
BEGIN
    SELECT RAISE(ABORT, 'environments are immutable');
END;

CREATE TRIGGER environments_no_delete BEFORE DELETE ON environments
BEGIN
    SELECT RAISE(ABORT, 'environments are immutable');
END;

-- Every rollout and rollback, in the order recorded (id). What runs in an environment is the
-- revision of the latest rollout (by id) of that spec there; a rollback is a rollout of kind
-- 'rollback' and never removes history.
CREATE TABLE rollouts (
    id                INTEGER PRIMARY KEY,
    spec_id           INTEGER NOT NULL REFERENCES specs (id),
    revision          INTEGER NOT NULL,
    environment_id    INTEGER NOT NULL REFERENCES environments (id),
    kind              TEXT NOT NULL CHECK (kind IN ('rollout', 'rollback')),
    actor             TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    -- Free text; may be empty unless the rollout was forced.
    reason            TEXT NOT NULL,
    -- Lowercase hex SHA-256 of the rendered manifests as applied.
    manifests_digest  TEXT NOT NULL CHECK (length(manifests_digest) = 64 AND manifests_digest NOT GLOB '*[^0-9a-f]*'),
    -- The revision that ran in this environment before; NULL for the first rollout there.
    replaced_revision INTEGER,
    -- 1 when validation errors were overridden; then a reason is required.
    forced            INTEGER NOT NULL CHECK (forced IN (0, 1)),
    -- NULL when no apply command is configured (the rollout is a record only).
    apply_status      TEXT CHECK (apply_status IN ('succeeded', 'failed', 'skipped')),
    apply_exit_status INTEGER,
    apply_output_tail TEXT,
    CHECK (forced = 0 OR length(trim(reason)) > 0),
    CHECK (apply_status IS NOT NULL OR (apply_exit_status IS NULL AND apply_output_tail IS NULL)),
    FOREIGN KEY (spec_id, revision) REFERENCES revisions (spec_id, number),
    FOREIGN KEY (spec_id, replaced_revision) REFERENCES revisions (spec_id, number)
) STRICT;

CREATE TRIGGER rollouts_no_update BEFORE UPDATE ON rollouts
BEGIN
    SELECT RAISE(ABORT, 'rollouts are immutable');
END;

CREATE TRIGGER rollouts_no_delete BEFORE DELETE ON rollouts
BEGIN
    SELECT RAISE(ABORT, 'rollouts are immutable');
END;

-- A spec's history, all environments or one (GET /v1/specs/{name}/rollouts), and its current
-- rollout in one environment (the last id of spec_id, environment_id).
CREATE INDEX rollouts_by_spec ON rollouts (spec_id, id);
CREATE INDEX rollouts_by_spec_environment ON rollouts (spec_id, environment_id, id);
-- What runs in an environment: the last id per spec there.
CREATE INDEX rollouts_by_environment_spec ON rollouts (environment_id, spec_id, id);

-- Audit filters (GET /v1/audit). Pages are keyset-paginated by seq, so each index ends with it.
-- Events about a spec have it as their subject; events about an environment (rollouts,
-- rollbacks, environment.created) name it in details.environment.
CREATE INDEX audit_events_by_subject ON audit_events (subject, seq);
CREATE INDEX audit_events_by_actor ON audit_events (actor, seq);
CREATE INDEX audit_events_by_action ON audit_events (action, seq);
CREATE INDEX audit_events_by_environment ON audit_events (json_extract(details, '$.environment'), seq);
CREATE INDEX audit_events_by_time ON audit_events (occurred_at, seq);
