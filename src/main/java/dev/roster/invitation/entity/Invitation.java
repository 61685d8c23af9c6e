package dev.roster.invitation.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An invitation to a user: a token (held only as its hash) that lets the user set a password and become ACTIVE
 * with the invited roles, until it expires, is revoked or is used.
 */
@Entity
@Table(name = "invitations")
@NamedQuery(name = Invitation.BY_TOKEN, query = "SELECT i FROM Invitation i WHERE i.tokenHash = :hash")
@NamedQuery(name = Invitation.OF_TENANT, query = "SELECT i FROM Invitation i WHERE i.tenantId = :tenant"
        + " AND i.status IN :statuses AND i.expiresAt >= :from AND i.expiresAt < :to ORDER BY i.createdAt DESC, i.id")
@NamedQuery(name = Invitation.COUNT_OF_TENANT, query = "SELECT COUNT(i) FROM Invitation i WHERE i.tenantId = :tenant"
        + " AND i.status IN :statuses AND i.expiresAt >= :from AND i.expiresAt < :to")
@NamedQuery(name = Invitation.PENDING_OF_USER, query = "SELECT i FROM Invitation i WHERE i.userId = :user"
        + " AND i.status = :pending")
public class Invitation {

    public static final String BY_TOKEN = "Invitation.byToken";
    public static final String OF_TENANT = "Invitation.ofTenant";
    public static final String COUNT_OF_TENANT = "Invitation.countOfTenant";
    public static final String PENDING_OF_USER = "Invitation.pendingOfUser";

    /** The stored states; an expired invitation is a PENDING one past its expiry ({@link #statusAt}). */
    public enum Status { PENDING, ACCEPTED, EXPIRED, REVOKED }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "user_id")
    private String userId;
    private String email;
    @Column(name = "token_hash")
    private String tokenHash;
    private String status;
    @Column(name = "expires_at")
    private Instant expiresAt;
    private String roles;
    @Column(name = "organization_ids")
    private String organizationIds;
    @Column(name = "invited_by_id")
    private String invitedById;
    @Column(name = "invited_by")
    private String invitedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    /** The id of the service whose switch governs accepting it. */
    private String service;
    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(String service, String tenantId, String userId, String email, List<String> roles,
                      List<String> organizationIds, String invitedById, String invitedBy) {
        this.id = Ids.next();
        this.service = service;
        this.tenantId = tenantId;
        this.userId = userId;
        this.email = email;
        this.roles = String.join(",", roles);
        this.organizationIds = String.join(",", organizationIds);
        this.invitedById = invitedById;
        this.invitedBy = invitedBy;
        this.status = Status.PENDING.name();
        this.createdAt = Clock.now();
    }

    /** A new token (its hash) and expiry: the previous token stops working. */
    public void issue(String tokenHash, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.sentAt = Clock.now();
    }

    public void accept() {
        this.status = Status.ACCEPTED.name();
        this.acceptedAt = Clock.now();
    }

    public void revoke() {
        this.status = Status.REVOKED.name();
        this.revokedAt = Clock.now();
    }

    /** The status at {@code now}: a pending invitation past its expiry is expired. */
    public Status statusAt(Instant now) {
        Status stored = Status.valueOf(status);
        return stored == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : stored;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String userId() { return userId; }
    public String email() { return email; }
    public Instant expiresAt() { return expiresAt; }
    public List<String> roles() { return split(roles); }
    public List<String> organizationIds() { return split(organizationIds); }
    public String invitedById() { return invitedById; }
    public String invitedBy() { return invitedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant sentAt() { return sentAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant revokedAt() { return revokedAt; }
    public String service() { return service; }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invitation invitation && Objects.equals(id, invitation.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
