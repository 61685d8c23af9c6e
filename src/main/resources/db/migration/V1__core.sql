-- Roster core: tenants, the platform operator, users, privileges, audit events.
-- Portable SQL (Derby and PostgreSQL). Ids are UUID strings; instants are UTC TIMESTAMPs.

CREATE TABLE tenants (
    id CHAR(36) NOT NULL PRIMARY KEY,
    label VARCHAR(63) NOT NULL,
    name VARCHAR(200) NOT NULL,
    icon VARCHAR(2048),
    theme VARCHAR(200),
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uq_tenants_label UNIQUE (label)
);

CREATE TABLE operators (
    id CHAR(36) NOT NULL PRIMARY KEY,
    username VARCHAR(128) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uq_operators_username UNIQUE (username)
);

CREATE TABLE users (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    username VARCHAR(128) NOT NULL,
    username_lc VARCHAR(128) NOT NULL,
    email VARCHAR(254) NOT NULL,
    email_lc VARCHAR(254) NOT NULL,
    first_name VARCHAR(100),
    first_name_lc VARCHAR(100),
    last_name VARCHAR(100),
    last_name_lc VARCHAR(100),
    time_zone VARCHAR(64),
    country VARCHAR(3),
    zip_code VARCHAR(20),
    avatar VARCHAR(2048),
    gender VARCHAR(32),
    birth_year INTEGER,
    hint VARCHAR(255),
    manager_id CHAR(36),
    mgmt_path VARCHAR(1900) NOT NULL,
    status VARCHAR(20) NOT NULL,
    password_hash VARCHAR(512),
    tokens_not_before TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_users_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_users_manager FOREIGN KEY (manager_id) REFERENCES users (id),
    CONSTRAINT uq_users_username UNIQUE (tenant_id, username_lc),
    CONSTRAINT uq_users_email UNIQUE (tenant_id, email_lc)
);
CREATE INDEX ix_users_first_name ON users (tenant_id, first_name_lc);
CREATE INDEX ix_users_last_name ON users (tenant_id, last_name_lc);
CREATE INDEX ix_users_manager ON users (tenant_id, manager_id);
CREATE INDEX ix_users_mgmt_path ON users (tenant_id, mgmt_path);
CREATE INDEX ix_users_any_username ON users (username_lc);
CREATE INDEX ix_users_any_email ON users (email_lc);

CREATE TABLE user_privileges (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    user_id CHAR(36) NOT NULL,
    slot VARCHAR(200) NOT NULL,
    role VARCHAR(64) NOT NULL,
    scope VARCHAR(200),
    active_from TIMESTAMP,
    active_until TIMESTAMP,
    granted_by VARCHAR(200) NOT NULL,
    granted_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_privileges_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_privileges_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uq_privileges_slot UNIQUE (user_id, slot)
);
CREATE INDEX ix_privileges_tenant ON user_privileges (tenant_id, user_id);

CREATE TABLE audit_events (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36),
    occurred_at TIMESTAMP NOT NULL,
    actor_id CHAR(36),
    actor VARCHAR(200) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target_type VARCHAR(32) NOT NULL,
    target_id VARCHAR(64),
    target VARCHAR(254),
    request_id VARCHAR(64),
    changes VARCHAR(8000)
);
CREATE INDEX ix_audit_events_tenant ON audit_events (tenant_id, occurred_at, id);
