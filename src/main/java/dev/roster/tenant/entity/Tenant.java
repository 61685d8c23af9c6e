package dev.roster.tenant.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A tenant: everything but the platform's own data belongs to exactly one. */
@Entity
@Table(name = "tenants")
@NamedQuery(name = Tenant.BY_LABEL, query = "SELECT t FROM Tenant t WHERE t.label = :label")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.label")
@NamedQuery(name = Tenant.COUNT, query = "SELECT COUNT(t) FROM Tenant t")
public class Tenant {

    public static final String BY_LABEL = "Tenant.byLabel";
    public static final String ALL = "Tenant.all";
    public static final String COUNT = "Tenant.count";

    @Id
    private String id;
    private String label;
    private String name;
    private String icon;
    private String theme;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String label, String name) {
        this.id = Ids.next();
        this.label = label;
        this.name = name;
        this.active = true;
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
    }

    public void rename(String name) {
        this.name = name;
        touch();
    }

    public void brand(String icon, String theme) {
        this.icon = icon;
        this.theme = theme;
        touch();
    }

    public void activate(boolean active) {
        this.active = active;
        touch();
    }

    private void touch() {
        updatedAt = Clock.now();
    }

    public String id() { return id; }
    public String label() { return label; }
    public String name() { return name; }
    public String icon() { return icon; }
    public String theme() { return theme; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tenant tenant && Objects.equals(id, tenant.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
