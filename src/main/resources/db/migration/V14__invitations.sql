-- Invitations by e-mail, and the outbox every e-mail leaves through (issue 15).
--
-- invitations: one per invitation sent to a user (a resend replaces the token of the same row). The token is held
-- only as its SHA-256 (token_hash); roles and organization ids are the invitation's, granted when it is accepted.
CREATE TABLE invitations (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    user_id CHAR(36) NOT NULL,
    email VARCHAR(254) NOT NULL,
    token_hash CHAR(64) NOT NULL,
    status VARCHAR(20) NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    roles VARCHAR(2000),
    organization_ids VARCHAR(4000),
    invited_by_id CHAR(36),
    invited_by VARCHAR(300) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP,
    version BIGINT NOT NULL,
    CONSTRAINT fk_invitations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_invitations_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uq_invitations_token UNIQUE (token_hash)
);
CREATE INDEX ix_invitations_tenant ON invitations (tenant_id, status, created_at);
CREATE INDEX ix_invitations_user ON invitations (user_id);

-- mail_outbox: every e-mail Roster sends, written in the transaction that makes it necessary, sent after commit by
-- whichever instance claims it first (claimed_by/claimed_until: a lease, so a dead instance's claim runs out), and
-- retried with a growing delay until the SMTP server takes it.
CREATE TABLE mail_outbox (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36),
    invitation_id CHAR(36),
    recipient VARCHAR(254) NOT NULL,
    subject VARCHAR(500) NOT NULL,
    body VARCHAR(8000) NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by VARCHAR(100),
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    last_error VARCHAR(1000),
    created_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_invitation ON mail_outbox (invitation_id, created_at);
