-- The directory (issue 15): groups and organizations, and who belongs to them.
--
-- user_groups: a tenant's groups (SCIM's and Kore.ai's groups). displayName is unique in the tenant regardless of
-- case (display_name_lc). member_count is kept in the same transaction as every membership change, so a group's
-- total never costs a count of its members.
CREATE TABLE user_groups (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    display_name VARCHAR(256) NOT NULL,
    display_name_lc VARCHAR(256) NOT NULL,
    description VARCHAR(1000),
    external_id VARCHAR(256),
    member_count INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_user_groups_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_user_groups_name UNIQUE (tenant_id, display_name_lc)
);
CREATE INDEX ix_user_groups_external ON user_groups (tenant_id, external_id);

-- organizations: a tenant's units (AppXite's customers), optionally under a parent organization of the same tenant.
CREATE TABLE organizations (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    name VARCHAR(200) NOT NULL,
    name_lc VARCHAR(200) NOT NULL,
    external_id VARCHAR(256),
    parent_id CHAR(36),
    member_count INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_organizations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_organizations_parent FOREIGN KEY (parent_id) REFERENCES organizations (id)
);
CREATE INDEX ix_organizations_name ON organizations (tenant_id, name_lc);
CREATE INDEX ix_organizations_parent ON organizations (parent_id);
CREATE INDEX ix_organizations_external ON organizations (tenant_id, external_id);

-- memberships: a user in a group or an organization (container_id names either; kind says which). A container's
-- members page by username (username_lc, which never changes, kept here so the page is one index range); a user's
-- containers are found by user_id. Adding or removing one member touches one row and the container's count.
CREATE TABLE memberships (
    container_id CHAR(36) NOT NULL,
    user_id CHAR(36) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    tenant_id CHAR(36) NOT NULL,
    username_lc VARCHAR(128) NOT NULL,
    added_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (container_id, user_id),
    CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_memberships_page ON memberships (container_id, username_lc);
CREATE INDEX ix_memberships_user ON memberships (user_id, kind);

--@postgresql
ALTER TABLE user_groups ALTER COLUMN display_name_lc TYPE VARCHAR(256) COLLATE "C";
--@postgresql
ALTER TABLE organizations ALTER COLUMN name_lc TYPE VARCHAR(200) COLLATE "C";
--@postgresql
ALTER TABLE memberships ALTER COLUMN username_lc TYPE VARCHAR(128) COLLATE "C";

-- identity_providers: where a tenant's users may sign in instead of with a password. Roster records which provider a
-- user is bound to (users.identity_provider_id); it does not run the federation. prefix is unique in the tenant
-- regardless of case; the client secret is held as AES-GCM ciphertext only (platform.SecretBox) and never returned.
CREATE TABLE identity_providers (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    name VARCHAR(200) NOT NULL,
    prefix VARCHAR(64) NOT NULL,
    prefix_lc VARCHAR(64) NOT NULL,
    enabled BOOLEAN NOT NULL,
    type VARCHAR(10) NOT NULL,
    issuer VARCHAR(2048),
    metadata_url VARCHAR(2048),
    client_id VARCHAR(256),
    client_secret_enc VARCHAR(2048),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_identity_providers_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_identity_providers_prefix UNIQUE (tenant_id, prefix_lc)
);
ALTER TABLE users ADD COLUMN identity_provider_id CHAR(36);
ALTER TABLE users ADD CONSTRAINT fk_users_identity_provider FOREIGN KEY (identity_provider_id)
    REFERENCES identity_providers (id);
CREATE INDEX ix_users_identity_provider ON users (identity_provider_id);
--@postgresql
ALTER TABLE identity_providers ALTER COLUMN prefix_lc TYPE VARCHAR(64) COLLATE "C";
