package dev.roster.privilege.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Window;
import dev.roster.user.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's role in its tenant for a window: effective iff {@code activeFrom <= now < activeUntil}, an open
 * end being null. A user holds one privilege per {@code slot}; the tenant-wide system role is the slot
 * {@link #TENANT_SLOT}, the one {@code /users/{username}/privilege} addresses.
 */
@Entity
@Table(name = "user_privileges")
@NamedQuery(name = Privilege.OF_USER_IN_SLOT,
        query = "SELECT p FROM Privilege p WHERE p.user.id = :user AND p.slot = :slot")
@NamedQuery(name = Privilege.BY_ID,
        query = "SELECT p FROM Privilege p JOIN FETCH p.user WHERE p.tenantId = :tenant AND p.id = :id")
@NamedQuery(name = Privilege.OF_USERS,
        query = "SELECT p FROM Privilege p WHERE p.user.id IN :users ORDER BY p.slot")
@NamedQuery(name = Privilege.OF_USER,
        query = "SELECT p FROM Privilege p WHERE p.user.id = :user")
@NamedQuery(name = Privilege.ADMINISTRATORS, query = "SELECT COUNT(DISTINCT p.user.id) FROM Privilege p"
        + " WHERE p.tenantId = :tenant AND p.role = :role AND p.user.status = :active"
        + " AND (p.activeFrom IS NULL OR p.activeFrom <= :now) AND (p.activeUntil IS NULL OR p.activeUntil > :now)")
@NamedQuery(name = Privilege.ACCOUNT, query = "SELECT u, t, p.role, s.service, s.enabled FROM User u "
        + "JOIN Tenant t ON t.id = u.tenantId LEFT JOIN Privilege p ON p.user = u "
        + "AND (p.activeFrom IS NULL OR p.activeFrom <= :now) AND (p.activeUntil IS NULL OR p.activeUntil > :now) "
        + "LEFT JOIN TenantService s ON s.tenantId = u.tenantId WHERE u.id = :user")
public class Privilege {

    public static final String OF_USER_IN_SLOT = "Privilege.ofUserInSlot";
    public static final String BY_ID = "Privilege.byId";
    public static final String OF_USERS = "Privilege.ofUsers";
    public static final String OF_USER = "Privilege.ofUser";
    /** How many active users of a tenant hold a role now. */
    public static final String ADMINISTRATORS = "Privilege.administrators";
    /**
     * A user, its tenant, the roles its privileges grant now and the tenant's service switches: a row per
     * effective privilege and switch (or one row with nulls when there are none).
     */
    public static final String ACCOUNT = "Privilege.account";
    public static final String TENANT_SLOT = "tenant";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;
    private String slot;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String scope;
    @Column(name = "active_from")
    private Instant activeFrom;
    @Column(name = "active_until")
    private Instant activeUntil;
    @Column(name = "granted_by")
    private String grantedBy;
    @Column(name = "granted_at")
    private Instant grantedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Privilege() {
    }

    public Privilege(User user, String slot, String grantedBy) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = user.tenantId();
        this.user = user;
        this.slot = slot;
        this.grantedBy = grantedBy;
        this.grantedAt = Clock.now();
        this.updatedAt = grantedAt;
    }

    public void grant(Role role, Instant activeFrom, Instant activeUntil) {
        this.role = role;
        this.activeFrom = activeFrom;
        this.activeUntil = activeUntil;
        this.updatedAt = Clock.now();
    }

    public boolean effectiveAt(Instant now) {
        return Window.contains(activeFrom, activeUntil, now);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public User user() { return user; }
    public String slot() { return slot; }
    public Role role() { return role; }
    public String scope() { return scope; }
    public Instant activeFrom() { return activeFrom; }
    public Instant activeUntil() { return activeUntil; }
    public String grantedBy() { return grantedBy; }
    public Instant grantedAt() { return grantedAt; }
    public long version() { return version; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Privilege privilege && Objects.equals(id, privilege.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
