package dev.roster.user.control;

import dev.roster.caller.ActingTenant;
import dev.roster.caller.Roles;
import dev.roster.platform.Clock;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts credentials prove: what the security layer asks on every request, in one query, and nothing more.
 * It reads the tenant, the user's unscoped privileges of system roles effective now, and the tenant's service
 * switches by their tables' entity names, so that security depends on this small query instead of the entities of
 * four features.
 */
@ApplicationScoped
public class Accounts {

    /**
     * A user, its tenant, the system role of each of its unscoped privileges effective now, and the tenant's service
     * switches: a row per such privilege and switch (or one row with nulls when there are none).
     */
    static final String ACCOUNT = "SELECT u.id, u.username, u.status, u.tokensNotBefore, t.id, t.label, t.active,"
            + " p.role, s.service, s.enabled FROM User u JOIN Tenant t ON t.id = u.tenantId"
            + " LEFT JOIN Privilege p ON p.user = u AND p.scope IS NULL AND p.role IN :systemRoles"
            + " AND (p.activeFrom IS NULL OR p.activeFrom <= :now) AND (p.activeUntil IS NULL OR p.activeUntil > :now)"
            + " LEFT JOIN TenantService s ON s.tenantId = u.tenantId WHERE u.id = :user";
    static final List<String> SYSTEM_ROLES = List.of(Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT,
            Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING);

    @PersistenceContext
    EntityManager em;

    /** An account as it stands now. */
    public record Account(String userId, String username, UserStatus status, Instant tokensNotBefore, String tenantId,
                          String tenantLabel, boolean tenantActive, Set<String> roles,
                          Map<String, Boolean> serviceSwitches) {
    }

    /** A user's password hash, found by its tenant's label and its username (any case). */
    public record Credentials(String userId, String passwordHash) {
    }

    /** Records that the user signed in with its password now, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signedIn(String userId) {
        em.createNamedQuery(User.SIGNED_IN).setParameter("now", Clock.now()).setParameter("id", userId).executeUpdate();
    }

    public Optional<Account> byUserId(String userId) {
        List<Object[]> rows = em.createQuery(ACCOUNT, Object[].class).setParameter("user", userId)
                .setParameter("systemRoles", SYSTEM_ROLES).setParameter("now", Clock.now()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        Set<String> roles = new HashSet<>();
        Map<String, Boolean> switches = new HashMap<>();
        for (Object[] row : rows) {
            if (row[7] != null) {
                roles.add((String) row[7]);
            }
            if (row[8] != null) {
                switches.put((String) row[8], (Boolean) row[9]);
            }
        }
        return Optional.of(new Account((String) first[0], (String) first[1], (UserStatus) first[2], (Instant) first[3],
                (String) first[4], (String) first[5], (Boolean) first[6], Set.copyOf(roles), Map.copyOf(switches)));
    }

    public Optional<Credentials> credentials(String tenantLabel, String username) {
        return em.createQuery("SELECT u.id, u.passwordHash FROM User u, Tenant t WHERE t.label = :label"
                        + " AND u.tenantId = t.id AND u.usernameLc = :username", Object[].class)
                .setParameter("label", tenantLabel.toLowerCase()).setParameter("username", User.lower(username))
                .getResultStream().findFirst().map(row -> new Credentials((String) row[0], (String) row[1]));
    }

    /** The tenant a label names, as a request acts in it. */
    public Optional<ActingTenant> tenant(String label) {
        return em.createQuery("SELECT t.id, t.label, t.active FROM Tenant t WHERE t.label = :label", Object[].class)
                .setParameter("label", label.toLowerCase()).getResultStream().findFirst()
                .map(row -> new ActingTenant((String) row[0], (String) row[1], (Boolean) row[2]));
    }
}
