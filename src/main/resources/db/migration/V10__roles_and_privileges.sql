-- Roles a tenant defines, and any number of privileges per user (issue 12).
--
-- tenant_roles: a tenant's own roles ("Help Desk Agent"), for its applications; the five system roles are fixed
-- in code. A name is unique in the tenant regardless of case (name_lc).
CREATE TABLE tenant_roles (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    name VARCHAR(100) NOT NULL,
    name_lc VARCHAR(100) NOT NULL,
    weight INTEGER NOT NULL,
    description VARCHAR(1000),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_tenant_roles_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_tenant_roles_name UNIQUE (tenant_id, name_lc)
);

-- user_privileges.role holds the role's id: a system role's name (ADMINISTRATOR) or a tenant role's UUID. A user
-- holds at most one privilege per (role, scope): the slot is that pair, '<role>|<scope>'. Every privilege so far
-- was the tenant-wide system role.
UPDATE user_privileges SET slot = role || '|';
CREATE INDEX ix_privileges_role ON user_privileges (tenant_id, role, scope);

-- A user is listed while ACTIVE and any of its privileges is effective: the union of their windows, which may be
-- several separate intervals. users.listed_from/listed_until keep the current or next one (so the list stays one
-- index range); listed_windows keeps them all when there is more than one; relist_at is when the stored one ends
-- and the next must take its place (null when none follows).
ALTER TABLE users ADD COLUMN listed_windows VARCHAR(2000);
ALTER TABLE users ADD COLUMN relist_at TIMESTAMP;
CREATE INDEX ix_users_relist ON users (tenant_id, relist_at);
