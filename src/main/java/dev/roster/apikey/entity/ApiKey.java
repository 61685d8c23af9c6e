package dev.roster.apikey.entity;

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

/** One API key of a user; the secret itself is never stored. */
@Entity
@Table(name = "api_keys")
@NamedQuery(name = ApiKey.BY_SECRET_HASH, query = "SELECT k FROM ApiKey k WHERE k.secretHash = :hash")
@NamedQuery(name = ApiKey.OF_USER, query = "SELECT k FROM ApiKey k WHERE k.user.id = :user ORDER BY k.createdAt, k.id")
@NamedQuery(name = ApiKey.COUNT_OF_USER, query = "SELECT COUNT(k) FROM ApiKey k WHERE k.user.id = :user")
@NamedQuery(name = ApiKey.OF_USERS, query = "SELECT k FROM ApiKey k WHERE k.user.id IN :users "
        + "AND (k.activeFrom IS NULL OR k.activeFrom <= :now) AND (k.activeUntil IS NULL OR k.activeUntil > :now) "
        + "ORDER BY k.createdAt, k.id")
@NamedQuery(name = ApiKey.MARK_USED, query = "UPDATE ApiKey k SET k.lastUsedAt = :now WHERE k.id = :id "
        + "AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :before)")
public class ApiKey {

    public static final String BY_SECRET_HASH = "ApiKey.bySecretHash";
    public static final String OF_USER = "ApiKey.ofUser";
    public static final String COUNT_OF_USER = "ApiKey.countOfUser";
    public static final String OF_USERS = "ApiKey.activeOfUsers";
    public static final String MARK_USED = "ApiKey.markUsed";
    /** How stale {@code lastUsedAt} may get before a use writes it again (one write a minute, not one a request). */
    public static final long USE_RECORDING_SECONDS = 60;

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
    private String name;
    private String prefix;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "active_from")
    private Instant activeFrom;
    @Column(name = "active_until")
    private Instant activeUntil;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "rotated_at")
    private Instant rotatedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Version
    private long version;

    protected ApiKey() {
    }

    public ApiKey(User user, String name, Instant activeFrom, Instant activeUntil, String createdBy) {
        this.id = Ids.next();
        this.tenantId = user.tenantId();
        this.user = user;
        this.userId = user.id();
        this.name = name;
        this.activeFrom = activeFrom;
        this.activeUntil = activeUntil;
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    /** Sets a new secret (by its prefix and hash); the previous one stops working. */
    public void secret(String prefix, String secretHash, boolean rotation) {
        this.prefix = prefix;
        this.secretHash = secretHash;
        if (rotation) {
            this.rotatedAt = Clock.now();
        }
    }

    /** Whether a use now is worth writing down: {@code lastUsedAt} is kept to the minute, not to the request. */
    public boolean useWorthRecording(Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(USE_RECORDING_SECONDS));
    }

    public boolean effectiveAt(Instant now) {
        return Window.contains(activeFrom, activeUntil, now);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public User user() { return user; }

    public String userId() { return userId; }
    public String name() { return name; }
    public String prefix() { return prefix; }
    public String secretHash() { return secretHash; }
    public Instant activeFrom() { return activeFrom; }
    public Instant activeUntil() { return activeUntil; }
    public Instant createdAt() { return createdAt; }
    public Instant rotatedAt() { return rotatedAt; }
    public Instant lastUsedAt() { return lastUsedAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
