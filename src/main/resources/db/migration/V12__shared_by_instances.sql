-- What several instances on one database must share.
-- Failed credentials, counted per account name and per client address (security.Throttle): the counts and locks
-- hold for every instance, so an attacker gains nothing by spreading guesses over a load balancer's instances.
CREATE TABLE credential_failures (
    subject VARCHAR(300) NOT NULL PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failed_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);
CREATE INDEX ix_credential_failures_last ON credential_failures (last_failed_at);
-- A fingerprint of each key every instance must hold the same of (the token signing key's id, a check value of the
-- secrets key; never the keys): an instance started with another key refuses to start instead of signing tokens
-- the others reject, or of encrypting secrets they cannot read.
CREATE TABLE key_fingerprints (
    purpose VARCHAR(40) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
