-- Domains that serve a tenant. A domain belongs to at most one tenant across the platform.
CREATE TABLE domain_mappings (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    domain VARCHAR(253) NOT NULL,
    icon VARCHAR(2048),
    theme VARCHAR(200),
    active_from TIMESTAMP,
    active_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_domain_mappings_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_domain_mappings_domain UNIQUE (domain)
);
CREATE INDEX ix_domain_mappings_tenant ON domain_mappings (tenant_id, domain);
