-- Which integration surfaces a tenant has switched on or off; a service without a row has its default.
CREATE TABLE tenant_services (
    tenant_id CHAR(36) NOT NULL,
    service VARCHAR(40) NOT NULL,
    enabled BOOLEAN NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_tenant_services PRIMARY KEY (tenant_id, service),
    CONSTRAINT fk_tenant_services_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
