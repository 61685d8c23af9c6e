package dev.roster.service.entity;

import dev.roster.platform.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A tenant's switch for one service. */
@Entity
@Table(name = "tenant_services")
@IdClass(TenantService.Key.class)
@NamedQuery(name = TenantService.OF_TENANT, query = "SELECT s FROM TenantService s WHERE s.tenantId = :tenant")
public class TenantService {

    public static final String OF_TENANT = "TenantService.ofTenant";

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    private String service;
    private boolean enabled;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    /** The composite key: tenant and service (JPA sets its fields, so it is a class, not a record). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String tenantId;
        private String service;

        public Key() {
        }

        public Key(String tenantId, String service) {
            this.tenantId = tenantId;
            this.service = service;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(service, key.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, service);
        }
    }

    protected TenantService() {
    }

    public TenantService(String tenantId, Service service) {
        this.tenantId = tenantId;
        this.service = service.id();
    }

    public void switchTo(boolean enabled, String by) {
        this.enabled = enabled;
        this.changedBy = by;
        this.changedAt = Clock.now();
    }

    public String service() { return service; }
    public boolean enabled() { return enabled; }
    public String changedBy() { return changedBy; }
    public Instant changedAt() { return changedAt; }
}
