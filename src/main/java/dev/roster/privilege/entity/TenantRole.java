package dev.roster.privilege.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A role a tenant defines for its applications ("Help Desk Agent"); its name is unique in the tenant, any case. */
@Entity
@Table(name = "tenant_roles")
@NamedQuery(name = TenantRole.BY_NAME,
        query = "SELECT r FROM TenantRole r WHERE r.tenantId = :tenant AND r.nameLc = :name")
@NamedQuery(name = TenantRole.OF_TENANT,
        query = "SELECT r FROM TenantRole r WHERE r.tenantId = :tenant ORDER BY r.weight DESC, r.nameLc, r.id")
@NamedQuery(name = TenantRole.COUNT, query = "SELECT COUNT(r) FROM TenantRole r WHERE r.tenantId = :tenant")
public class TenantRole {

    public static final String BY_NAME = "TenantRole.byName";
    public static final String OF_TENANT = "TenantRole.ofTenant";
    public static final String COUNT = "TenantRole.count";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String name;
    @Column(name = "name_lc")
    private String nameLc;
    private int weight;
    private String description;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected TenantRole() {
    }

    public TenantRole(String tenantId, String name, int weight, String description) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.createdAt = Clock.now();
        change(name, weight, description);
    }

    public final void change(String name, int weight, String description) {
        this.name = name;
        this.nameLc = lower(name);
        this.weight = weight;
        this.description = description;
        this.updatedAt = Clock.now();
    }

    public static String lower(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String name() { return name; }
    public int weight() { return weight; }
    public String description() { return description; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantRole role && Objects.equals(id, role.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
