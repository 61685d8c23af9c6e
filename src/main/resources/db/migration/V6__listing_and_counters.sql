-- The active-user list and the counts of long lists, made cheap at a million users.
--
-- users.listed_from / listed_until: the window in which the user is in the active list (status ACTIVE and its
-- tenant privilege effective), copied from the privilege whenever it or the status changes; a user who is not
-- listed has both at 9999-12-31. One index answers "the tenant's active users by username" without a sort.
ALTER TABLE users ADD COLUMN listed_from TIMESTAMP NOT NULL DEFAULT '9999-12-31 00:00:00';
ALTER TABLE users ADD COLUMN listed_until TIMESTAMP NOT NULL DEFAULT '9999-12-31 00:00:00';
UPDATE users SET
    listed_from = COALESCE((SELECT p.active_from FROM user_privileges p WHERE p.user_id = users.id AND p.slot = 'tenant'),
                           '1900-01-01 00:00:00'),
    listed_until = COALESCE((SELECT p.active_until FROM user_privileges p WHERE p.user_id = users.id AND p.slot = 'tenant'),
                            '9999-12-31 00:00:00')
    WHERE status = 'ACTIVE' AND EXISTS (SELECT p.id FROM user_privileges p WHERE p.user_id = users.id AND p.slot = 'tenant');
CREATE INDEX ix_users_listing ON users (tenant_id, username_lc, id, listed_from, listed_until);

-- counter_deltas: counts kept as +1/-1 rows that take effect at a moment, so writers never contend for a
-- counter row. A user listed from F until U is +1 at F and -1 at U. The id is random and unindexed: it only lets
-- JPA insert the rows in batches with the rest of a transaction.
-- counters: each counter's value settled up to a moment. A count is the settled value plus the deltas after
-- settled_until up to now: one row and one short index range. A background task moves settled_until forward.
CREATE TABLE counter_deltas (
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    effective_at TIMESTAMP NOT NULL,
    delta BIGINT NOT NULL
);
CREATE INDEX ix_counter_deltas ON counter_deltas (name, effective_at, delta);
CREATE TABLE counters (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    settled_value BIGINT NOT NULL,
    settled_until TIMESTAMP NOT NULL
);
INSERT INTO counter_deltas (id, name, effective_at, delta)
    SELECT 0, 'listed-users:' || tenant_id, listed_from, 1 FROM users WHERE listed_from < listed_until;
INSERT INTO counter_deltas (id, name, effective_at, delta)
    SELECT 0, 'listed-users:' || tenant_id, listed_until, -1 FROM users
    WHERE listed_from < listed_until AND listed_until < '9999-12-31 00:00:00';
INSERT INTO counter_deltas (id, name, effective_at, delta)
    SELECT 0, 'events:' || COALESCE(tenant_id, 'platform'), occurred_at, 1 FROM audit_events;

-- The newest events first, from the index (Derby reads an index forwards only).
DROP INDEX ix_audit_events_tenant;
CREATE INDEX ix_audit_events_recent ON audit_events (tenant_id, occurred_at DESC, id DESC);
