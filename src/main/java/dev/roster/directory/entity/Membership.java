package dev.roster.directory.entity;

import dev.roster.platform.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A user in a group or an organization ({@link #kind}). */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
@NamedQuery(name = Membership.OF_CONTAINER,
        query = "SELECT m FROM Membership m WHERE m.containerId = :container ORDER BY m.usernameLc")
@NamedQuery(name = Membership.OF_USERS,
        query = "SELECT m FROM Membership m WHERE m.userId IN :users ORDER BY m.containerId")
@NamedQuery(name = Membership.MEMBERS, query = "SELECT m.userId, u.username FROM Membership m, User u"
        + " WHERE m.containerId = :container AND u.id = m.userId ORDER BY m.usernameLc")
@NamedQuery(name = Membership.MEMBER_IDS, query = "SELECT m.userId FROM Membership m WHERE m.containerId = :container")
@NamedQuery(name = Membership.REMOVE_ALL, query = "DELETE FROM Membership m WHERE m.containerId = :container")
public class Membership {

    public static final String OF_CONTAINER = "Membership.ofContainer";
    public static final String OF_USERS = "Membership.ofUsers";
    /** The ids and usernames of a container's members, by username. */
    public static final String MEMBERS = "Membership.members";
    public static final String MEMBER_IDS = "Membership.memberIds";
    public static final String REMOVE_ALL = "Membership.removeAll";

    /** What a user belongs to, with the statement that keeps its member count and its name in the audit trail. */
    public enum Kind {
        GROUP(Group.COUNT, "group"), ORGANIZATION(Organization.COUNT, "organization");

        private final String countQuery;
        private final String auditType;

        Kind(String countQuery, String auditType) {
            this.countQuery = countQuery;
            this.auditType = auditType;
        }

        public String countQuery() { return countQuery; }
        public String auditType() { return auditType; }
    }

    /** The primary key: one row per container and user. */
    public record Key(String containerId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "container_id")
    private String containerId;
    @Id
    @Column(name = "user_id")
    private String userId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "username_lc")
    private String usernameLc;
    @Column(name = "added_at")
    private Instant addedAt;

    protected Membership() {
    }

    public Membership(Kind kind, String containerId, String tenantId, String userId, String usernameLc) {
        this.kind = kind;
        this.containerId = containerId;
        this.tenantId = tenantId;
        this.userId = userId;
        this.usernameLc = usernameLc;
        this.addedAt = Clock.now();
    }

    public Kind kind() { return kind; }
    public String containerId() { return containerId; }
    public String userId() { return userId; }
    public Instant addedAt() { return addedAt; }
}
