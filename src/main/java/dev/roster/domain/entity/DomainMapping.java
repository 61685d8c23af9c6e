package dev.roster.domain.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import dev.roster.platform.Window;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A domain that serves a tenant, for a window of time. */
@Entity
@Table(name = "domain_mappings")
@NamedQuery(name = DomainMapping.BY_DOMAIN, query = "SELECT m FROM DomainMapping m WHERE m.domain = :domain")
@NamedQuery(name = DomainMapping.OF_TENANT,
        query = "SELECT m FROM DomainMapping m WHERE m.tenantId = :tenant ORDER BY m.domain")
@NamedQuery(name = DomainMapping.COUNT_OF_TENANT,
        query = "SELECT COUNT(m) FROM DomainMapping m WHERE m.tenantId = :tenant")
public class DomainMapping {

    public static final String BY_DOMAIN = "DomainMapping.byDomain";
    public static final String OF_TENANT = "DomainMapping.ofTenant";
    public static final String COUNT_OF_TENANT = "DomainMapping.countOfTenant";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String domain;
    private String icon;
    private String theme;
    @Column(name = "active_from")
    private Instant activeFrom;
    @Column(name = "active_until")
    private Instant activeUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected DomainMapping() {
    }

    public DomainMapping(String tenantId, String domain) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.domain = domain;
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
    }

    public void configure(String icon, String theme, Instant activeFrom, Instant activeUntil) {
        this.icon = icon;
        this.theme = theme;
        this.activeFrom = activeFrom;
        this.activeUntil = activeUntil;
        this.updatedAt = Clock.now();
    }

    public boolean effectiveAt(Instant now) {
        return Window.contains(activeFrom, activeUntil, now);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String domain() { return domain; }
    public String icon() { return icon; }
    public String theme() { return theme; }
    public Instant activeFrom() { return activeFrom; }
    public Instant activeUntil() { return activeUntil; }

    @Override
    public boolean equals(Object other) {
        return other instanceof DomainMapping mapping && Objects.equals(id, mapping.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
