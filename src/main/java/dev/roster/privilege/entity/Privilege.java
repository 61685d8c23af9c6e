package dev.roster.privilege.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import dev.roster.platform.Window;
import dev.roster.user.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's role in its tenant for a window, optionally for one application ({@code scope}, such as a Kore.ai
 * {@code botId}): effective iff {@code activeFrom <= now < activeUntil}, an open end being null. {@code role} is the
 * role's id: a system role's name ({@link Role}) or a tenant role's UUID ({@link TenantRole}). A user holds at most
 * one privilege per (role, scope), which is its {@code slot}. Only unscoped privileges of system roles grant
 * anything in Roster's own API.
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
        + " WHERE p.tenantId = :tenant AND p.role = :role AND p.scope IS NULL AND p.user.status = :active"
        + " AND (p.activeFrom IS NULL OR p.activeFrom <= :now) AND (p.activeUntil IS NULL OR p.activeUntil > :now)")
@NamedQuery(name = Privilege.HOLDERS,
        query = "SELECT COUNT(DISTINCT p.user.id) FROM Privilege p WHERE p.tenantId = :tenant AND p.role = :role")
public class Privilege {

    public static final String OF_USER_IN_SLOT = "Privilege.ofUserInSlot";
    public static final String BY_ID = "Privilege.byId";
    public static final String OF_USERS = "Privilege.ofUsers";
    public static final String OF_USER = "Privilege.ofUser";
    /** How many active users of a tenant hold a role, unscoped, now. */
    public static final String ADMINISTRATORS = "Privilege.administrators";
    /** How many users of a tenant hold a role, in any window and scope. */
    public static final String HOLDERS = "Privilege.holders";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;
    /** The owner's id, read with the row: asking for it never loads the owner (one query per row on a list). */
    @Column(name = "user_id", insertable = false, updatable = false)
    private String userId;
    private String slot;
    private String role;
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

    public Privilege(User user, String grantedBy) {
        this.id = Ids.next();
        this.tenantId = user.tenantId();
        this.user = user;
        this.userId = user.id();
        this.grantedBy = grantedBy;
        this.grantedAt = Clock.now();
        this.updatedAt = grantedAt;
    }

    /** Grants {@code roleId} for {@code scope} (null: the whole tenant) from {@code activeFrom} to {@code activeUntil}. */
    public void grant(String roleId, String scope, Instant activeFrom, Instant activeUntil) {
        this.role = roleId;
        this.scope = scope;
        this.slot = slot(roleId, scope);
        this.activeFrom = activeFrom;
        this.activeUntil = activeUntil;
        this.updatedAt = Clock.now();
    }

    /** The key a user holds at most one privilege under. */
    public static String slot(String roleId, String scope) {
        return roleId + "|" + (scope == null ? "" : scope);
    }

    /** The system role this privilege grants in Roster's own API: only when it is unscoped. */
    public Optional<Role> systemRole() {
        return scope == null ? Role.ofId(role) : Optional.empty();
    }

    public boolean effectiveAt(Instant now) {
        return Window.contains(activeFrom, activeUntil, now);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public User user() { return user; }

    public String userId() { return userId; }
    public String slot() { return slot; }
    public String role() { return role; }
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
