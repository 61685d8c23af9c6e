package dev.roster.appxite.control;

import dev.roster.caller.Caller;
import dev.roster.directory.control.Organizations;
import dev.roster.directory.entity.Membership;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * AppXite's users list: every user of the tenant (or of one organization) in the states asked for, listed or not,
 * by username.
 */
@ApplicationScoped
public class AppXiteUsers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Organizations organizations;

    public Page<User> list(String organizationId, List<UserStatus> states, PageRequest page) {
        if (organizationId == null) {
            String tenant = caller.tenant().id();
            long total = em.createNamedQuery(User.COUNT_OF_TENANT_IN, Long.class).setParameter("tenant", tenant)
                    .setParameter("statuses", states).getSingleResult();
            return Page.of(em.createNamedQuery(User.OF_TENANT_IN, User.class).setParameter("tenant", tenant)
                    .setParameter("statuses", states).setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList(), page, total);
        }
        String organization = organizations.get(organizationId).id();
        long total = em.createQuery("SELECT COUNT(m) FROM Membership m, User u WHERE m.containerId = :container"
                + " AND u.id = m.userId AND u.status IN :statuses", Long.class).setParameter("container", organization)
                .setParameter("statuses", states).getSingleResult();
        return Page.of(em.createQuery("SELECT u FROM Membership m, User u WHERE m.containerId = :container"
                + " AND u.id = m.userId AND u.status IN :statuses ORDER BY m.usernameLc", User.class)
                .setParameter("container", organization).setParameter("statuses", states)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page, total);
    }

    /** The user's organizations, for the list's page: one query for all of them. */
    public List<Membership> memberships(List<User> users) {
        return users.isEmpty() ? List.of() : em.createNamedQuery(Membership.OF_USERS, Membership.class)
                .setParameter("users", users.stream().map(User::id).toList()).getResultList().stream()
                .filter(m -> m.kind() == Membership.Kind.ORGANIZATION).toList();
    }
}
