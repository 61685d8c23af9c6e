package dev.roster.directory.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.directory.entity.Container;
import dev.roster.directory.entity.Membership;
import dev.roster.platform.Inserts;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.NotFound;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who belongs to a group or an organization. Each change touches one membership row and the container's count, and
 * is audited; a page of members is one index range in username order.
 */
@ApplicationScoped
public class Memberships {

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    /** A member of a container, with when it was added. */
    public record Member(User user, Instant addedAt) {
    }

    /**
     * Adds a user of the container's tenant to it unless it is a member already, keeping its count and the audit
     * trail; true if the user was added. Within the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Container container, String username) {
        return add(container, member(container, username));
    }

    /** Adds the user (of the container's tenant) unless it is a member already; true if it was added. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Container container, User user) {
        if (em.find(Membership.class, new Membership.Key(container.id(), user.id())) != null) {
            return false;
        }
        em.persist(new Membership(container.kind(), container.id(), user.tenantId(), user.id(),
                User.lower(user.username())));
        em.flush();
        users.containerJoined(user);
        count(container, 1);
        audit.record(container.tenantId(), container.kind().auditType() + ".member.added", container.kind()
                .auditType(), container.id(), container.label(), new Changes().note("member", null, user.username()));
        return true;
    }

    /**
     * Adds users created in this transaction (members of nothing yet) to the container: no query but one update of
     * its count, so that a chunk of creates is written in batches. Their rows are yet to be written (the chunk's
     * batch of inserts), and are written as having joined.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addCreated(Container container, List<User> created) {
        for (User user : created) {
            inserts.persist(new Membership(container.kind(), container.id(), user.tenantId(), user.id(),
                    User.lower(user.username())));
            user.containerJoined();
            audit.record(container.tenantId(), container.kind().auditType() + ".member.added", container.kind()
                    .auditType(), container.id(), container.label(), new Changes().note("member", null,
                    user.username()));
        }
        if (!created.isEmpty()) {
            count(container, created.size());
        }
    }

    /** Removes a member, keeping the count and the audit trail; 404 when the user is not one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(Container container, String username) {
        if (!remove(container, member(container, username))) {
            throw new NotFound("'" + username + "' is not a member of " + container.kind().auditType() + " "
                    + container.label());
        }
    }

    /** Removes the user from the container if it is a member; true if it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(Container container, User user) {
        Membership membership = em.find(Membership.class, new Membership.Key(container.id(), user.id()));
        if (membership == null) {
            return false;
        }
        em.remove(membership);
        count(container, -1);
        audit.record(container.tenantId(), container.kind().auditType() + ".member.removed", container.kind()
                .auditType(), container.id(), container.label(), new Changes().note("member", user.username(), null));
        return true;
    }

    /** The ids of a container's members (an exact set of members is compared with them). */
    public Set<String> memberIds(Container container) {
        return new HashSet<>(em.createNamedQuery(Membership.MEMBER_IDS, String.class)
                .setParameter("container", container.id()).getResultList());
    }

    /** A member by id and username, the least a list of every member of a large container needs. */
    public record Ref(String userId, String username) {
    }

    /** Every member of a container by username, as {@link Ref}s. */
    public List<Ref> refs(Container container) {
        return em.createNamedQuery(Membership.MEMBERS, Object[].class).setParameter("container", container.id())
                .getResultStream().map(row -> new Ref((String) row[0], (String) row[1])).toList();
    }

    /** Ends every membership of a container that is being deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAll(String containerId) {
        em.createNamedQuery(Membership.REMOVE_ALL).setParameter("container", containerId).executeUpdate();
    }

    /** One page of a container's members in username order; the total is its member count. */
    public Page<Member> page(Container container, PageRequest page) {
        List<Membership> rows = em.createNamedQuery(Membership.OF_CONTAINER, Membership.class)
                .setParameter("container", container.id()).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
        Map<String, User> found = users.byIds(rows.stream().map(Membership::userId).toList()).stream()
                .collect(Collectors.toMap(User::id, u -> u));
        return Page.of(rows.stream().filter(m -> found.containsKey(m.userId()))
                .map(m -> new Member(found.get(m.userId()), m.addedAt())).toList(), page, container.memberCount());
    }

    private User member(Container container, String username) {
        return users.find(container.tenantId(), username)
                .orElseThrow(() -> new NotFound("there is no user '" + username + "'"));
    }

    /** Adds {@code delta} to the container's count in place: concurrent changes of members never lose one. */
    private void count(Container container, int delta) {
        em.createNamedQuery(container.kind().countQuery()).setParameter("delta", delta)
                .setParameter("id", container.id()).executeUpdate();
    }

    /** The memberships of these users, by user id, in one query; none for users that never joined anything. */
    public Map<String, List<Membership>> of(List<User> users) {
        List<String> members = users.stream().filter(User::containersJoined).map(User::id).toList();
        if (members.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Membership.OF_USERS, Membership.class)
                .setParameter("users", members).getResultList().stream()
                .collect(Collectors.groupingBy(Membership::userId));
    }
}
