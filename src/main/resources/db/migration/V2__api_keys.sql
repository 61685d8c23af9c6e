-- API keys: a user's credentials for integrations. Only a SHA-256 of the secret is kept; the secret is
-- high-entropy (256 random bits), so a fast hash is safe and a lookup is one unique-index probe.
CREATE TABLE api_keys (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    user_id CHAR(36) NOT NULL,
    name VARCHAR(100) NOT NULL,
    prefix VARCHAR(16) NOT NULL,
    secret_hash CHAR(64) NOT NULL,
    active_from TIMESTAMP,
    active_until TIMESTAMP,
    created_by VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    rotated_at TIMESTAMP,
    last_used_at TIMESTAMP,
    version BIGINT NOT NULL,
    CONSTRAINT fk_api_keys_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uq_api_keys_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_api_keys_user ON api_keys (user_id, created_at);
