package dev.roster.security;

import dev.roster.operator.Operator;
import dev.roster.platform.Clock;
import dev.roster.privilege.entity.Privilege;
import dev.roster.privilege.entity.Role;
import dev.roster.tenant.entity.Tenant;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a proven identity into what it may do right now: the user must still be active in an active
 * tenant, the token must not predate a revocation, and the roles are those of the privileges effective
 * at this moment.
 */
@ApplicationScoped
public class Principals {

    @PersistenceContext
    EntityManager em;

    /** The outcome: an identity, or why the credential no longer works. */
    public record Resolution(Caller.Identity identity, String refusal) {
        static Resolution refused(String why) {
            return new Resolution(null, why);
        }
    }

    public Resolution user(String userId, Instant issuedAt) {
        User user = em.find(User.class, userId);
        if (user == null) {
            return Resolution.refused("the credential's user no longer exists");
        }
        Tenant tenant = em.find(Tenant.class, user.tenantId());
        if (tenant == null || !tenant.active()) {
            return Resolution.refused("the credential's tenant is suspended");
        }
        if (user.status() != UserStatus.ACTIVE) {
            return Resolution.refused("the credential's user is " + user.status().name().toLowerCase());
        }
        if (issuedAt != null && user.tokensNotBefore() != null
                && issuedAt.getEpochSecond() < user.tokensNotBefore().getEpochSecond()) {
            return Resolution.refused("the token was revoked; request a new one");
        }
        return new Resolution(new Caller.Identity(user.id(), user.username(),
                new ActingTenant(tenant.id(), tenant.label(), tenant.active()), effectiveRoles(user.id())), null);
    }

    public Resolution operator(String operatorId) {
        Operator operator = em.find(Operator.class, operatorId);
        if (operator == null) {
            return Resolution.refused("the credential's operator no longer exists");
        }
        return new Resolution(new Caller.Identity(operator.id(), operator.username(), null,
                Set.of(Roles.PLATFORM_OPERATOR)), null);
    }

    /** The names of the roles the user's privileges grant at this moment. */
    public Set<String> effectiveRoles(String userId) {
        List<Role> roles = em.createNamedQuery(Privilege.EFFECTIVE_ROLES, Role.class)
                .setParameter("user", userId).setParameter("now", Clock.now()).getResultList();
        if (roles.isEmpty()) {
            return Set.of();
        }
        return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.toCollection(HashSet::new));
    }

    public Optional<ActingTenant> tenantByLabel(String label) {
        return em.createNamedQuery(Tenant.BY_LABEL, Tenant.class).setParameter("label", label.toLowerCase())
                .getResultStream().findFirst().map(t -> new ActingTenant(t.id(), t.label(), t.active()));
    }
}
