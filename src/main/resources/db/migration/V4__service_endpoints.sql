-- A tenant's integration endpoints. password, prov_password and api_key hold AES-GCM ciphertext only.
CREATE TABLE service_endpoints (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    endpoint_type_id INTEGER NOT NULL,
    url VARCHAR(2048) NOT NULL,
    user_name VARCHAR(200),
    password_enc VARCHAR(2048),
    prov_user_name VARCHAR(200),
    prov_password_enc VARCHAR(2048),
    prov_port INTEGER,
    api_key_enc VARCHAR(8192),
    message_handler VARCHAR(200),
    exchange VARCHAR(200),
    binding_key VARCHAR(200),
    active BOOLEAN NOT NULL,
    durable BOOLEAN NOT NULL,
    vhost VARCHAR(200),
    active_from TIMESTAMP,
    active_until TIMESTAMP,
    registered_by CHAR(36),
    registered_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_service_endpoints_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE INDEX ix_service_endpoints_tenant ON service_endpoints (tenant_id, registered_at);
