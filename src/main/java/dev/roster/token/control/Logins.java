package dev.roster.token.control;

import dev.roster.operator.Operator;
import dev.roster.problem.InvalidGrant;
import dev.roster.security.Passwords;
import dev.roster.security.Principals;
import dev.roster.security.Roles;
import dev.roster.security.Tokens;
import dev.roster.tenant.entity.Tenant;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/** Checks a username and password and issues a token for them. */
@ApplicationScoped
public class Logins {

    static final String WRONG = "the username or password is wrong, or the account cannot sign in here";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Principals principals;

    @Inject
    Tokens tokens;

    public Tokens.Issued password(String username, String password, String tenantLabel) {
        if (tenantLabel == null) {
            Operator operator = em.createNamedQuery(Operator.BY_USERNAME, Operator.class)
                    .setParameter("username", username).getResultStream().findFirst().orElse(null);
            if (!passwords.verify(password, operator == null ? null : operator.passwordHash())) {
                throw new InvalidGrant("invalid_grant", WRONG);
            }
            return tokens.issue(Tokens.KIND_OPERATOR, operator.id(), operator.username(), null,
                    Set.of(Roles.PLATFORM_OPERATOR));
        }
        Tenant tenant = em.createNamedQuery(Tenant.BY_LABEL, Tenant.class)
                .setParameter("label", tenantLabel.toLowerCase()).getResultStream().findFirst().orElse(null);
        User user = tenant == null ? null : em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("tenant", tenant.id()).setParameter("username", User.lower(username))
                .getResultStream().findFirst().orElse(null);
        if (!passwords.verify(password, user == null ? null : user.passwordHash())) {
            throw new InvalidGrant("invalid_grant", WRONG);
        }
        // The password was right: from here the caller may learn why it cannot sign in.
        if (!tenant.active()) {
            throw new InvalidGrant("invalid_grant", "the tenant '" + tenant.label() + "' is suspended");
        }
        if (user.status() != UserStatus.ACTIVE) {
            throw new InvalidGrant("invalid_grant", "the account is " + user.status().name().toLowerCase());
        }
        Set<String> roles = principals.effectiveRoles(user.id());
        if (roles.isEmpty()) {
            throw new InvalidGrant("invalid_grant", "the account holds no privilege that is active now");
        }
        return tokens.issue(Tokens.KIND_USER, user.id(), user.username(), tenant.label(), List.copyOf(roles));
    }
}
