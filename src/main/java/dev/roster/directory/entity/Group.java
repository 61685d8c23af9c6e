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
import java.util.Locale;
import java.util.Objects;

/** A tenant's group of users. */
@Entity
@Table(name = "user_groups")
@NamedQuery(name = Group.OF_TENANT, query = "SELECT g FROM Group g WHERE g.tenantId = :tenant"
        + " AND g.displayNameLc >= :from AND g.displayNameLc < :to ORDER BY g.displayNameLc")
@NamedQuery(name = Group.COUNT_OF_TENANT, query = "SELECT COUNT(g) FROM Group g WHERE g.tenantId = :tenant"
        + " AND g.displayNameLc >= :from AND g.displayNameLc < :to")
@NamedQuery(name = Group.BY_NAME,
        query = "SELECT g FROM Group g WHERE g.tenantId = :tenant AND g.displayNameLc = :name")
@NamedQuery(name = Group.BY_IDS, query = "SELECT g FROM Group g WHERE g.id IN :ids")
@NamedQuery(name = Group.COUNT, query = "UPDATE Group g SET g.memberCount = g.memberCount + :delta WHERE g.id = :id")
public class Group implements Container {

    public static final String OF_TENANT = "Group.ofTenant";
    public static final String COUNT_OF_TENANT = "Group.countOfTenant";
    public static final String BY_NAME = "Group.byName";
    public static final String BY_IDS = "Group.byIds";
    /** Adds {@code delta} to a group's member count in place: concurrent changes of members never lose one. */
    public static final String COUNT = "Group.count";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "display_name_lc")
    private String displayNameLc;
    private String description;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "member_count")
    private int memberCount;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Group() {
    }

    public Group(String tenantId, String displayName) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        rename(displayName);
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
    }

    public final void rename(String displayName) {
        this.displayName = displayName;
        this.displayNameLc = lower(displayName);
        this.updatedAt = Clock.now();
    }

    public void describe(String description, String externalId) {
        this.description = description;
        this.externalId = externalId;
        this.updatedAt = Clock.now();
    }

    /** Marks a change of the group that is not in its row (its members), so that its version moves on. */
    public void touch() {
        this.updatedAt = Clock.now();
    }

    public long version() { return version; }

    public static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String label() { return displayName; }
    @Override
    public Membership.Kind kind() { return Membership.Kind.GROUP; }
    @Override
    public String id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public String displayName() { return displayName; }
    public String description() { return description; }
    public String externalId() { return externalId; }
    @Override
    public int memberCount() { return memberCount; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Group group && Objects.equals(id, group.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
