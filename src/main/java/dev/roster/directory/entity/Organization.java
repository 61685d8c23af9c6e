package dev.roster.directory.entity;

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

/** A tenant's organization (AppXite's customer), optionally under a parent organization of the same tenant. */
@Entity
@Table(name = "organizations")
@NamedQuery(name = Organization.OF_TENANT, query = "SELECT o FROM Organization o WHERE o.tenantId = :tenant"
        + " AND o.nameLc >= :from AND o.nameLc < :to ORDER BY o.nameLc, o.id")
@NamedQuery(name = Organization.COUNT_OF_TENANT, query = "SELECT COUNT(o) FROM Organization o"
        + " WHERE o.tenantId = :tenant AND o.nameLc >= :from AND o.nameLc < :to")
@NamedQuery(name = Organization.CHILDREN, query = "SELECT COUNT(o) FROM Organization o WHERE o.parentId = :parent")
@NamedQuery(name = Organization.BY_IDS, query = "SELECT o FROM Organization o WHERE o.id IN :ids")
@NamedQuery(name = Organization.COUNT,
        query = "UPDATE Organization o SET o.memberCount = o.memberCount + :delta WHERE o.id = :id")
public class Organization implements Container {

    public static final String OF_TENANT = "Organization.ofTenant";
    public static final String COUNT_OF_TENANT = "Organization.countOfTenant";
    public static final String CHILDREN = "Organization.children";
    public static final String BY_IDS = "Organization.byIds";
    /** Adds {@code delta} to an organization's member count in place. */
    public static final String COUNT = "Organization.count";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String name;
    @Column(name = "name_lc")
    private String nameLc;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "parent_id")
    private String parentId;
    @Column(name = "member_count")
    private int memberCount;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Organization() {
    }

    public Organization(String tenantId, String name) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        rename(name);
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
    }

    public final void rename(String name) {
        this.name = name;
        this.nameLc = Group.lower(name);
        this.updatedAt = Clock.now();
    }

    public void place(String externalId, String parentId) {
        this.externalId = externalId;
        this.parentId = parentId;
        this.updatedAt = Clock.now();
    }

    @Override
    public String label() { return name; }
    @Override
    public Membership.Kind kind() { return Membership.Kind.ORGANIZATION; }
    @Override
    public String id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public String name() { return name; }
    public String externalId() { return externalId; }
    public String parentId() { return parentId; }
    @Override
    public int memberCount() { return memberCount; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Organization organization && Objects.equals(id, organization.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
