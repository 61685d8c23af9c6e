package dev.roster.privilege.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.platform.Clock;
import dev.roster.platform.Inserts;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Window;
import dev.roster.privilege.entity.Privilege;
import dev.roster.privilege.entity.Role;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.user.control.Listing;
import dev.roster.user.control.Users;
import dev.roster.user.control.Visibility;
import dev.roster.user.entity.Interval;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Granting, changing, reading and revoking privileges in the caller's tenant (003 Privileges, issue 12). A user
 * holds any number of privileges, at most one per (role, scope). The seed's {@code /users/{username}/privilege}
 * addresses the user's tenant-wide system role: its unscoped privileges of system roles. Every change relists the
 * user ({@link Listing}), is audited, and keeps at least one effective administrator in the tenant unless the
 * platform operator makes it.
 */
@ApplicationScoped
public class Privileges {

    /** More would be a mistake, not a need; it also bounds the listing windows a user keeps. */
    public static final int MAX_PER_USER = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    @Inject
    Caller caller;

    @Inject
    Visibility visibility;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    @Inject
    Listing listing;

    @Inject
    RoleCatalog roles;

    /** A privilege after a write, and whether the write granted it anew. */
    public record Saved(Privilege privilege, boolean created) {
    }

    public List<Privilege> held(User user) {
        return em.createNamedQuery(Privilege.OF_USER, Privilege.class).setParameter("user", user.id()).getResultList();
    }

    /** The privileges of several users in one query, by user id. */
    public Map<String, List<Privilege>> heldBy(List<User> holders) {
        if (holders.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Privilege.OF_USERS, Privilege.class)
                .setParameter("users", holders.stream().map(User::id).toList()).getResultList().stream()
                .collect(Collectors.groupingBy(Privilege::userId));
    }

    /**
     * Every privilege of the tenant (effective, future and ended) whose user the caller may see, optionally only
     * of one role (by id or name) and one scope; by username.
     */
    public Page<Privilege> list(PageRequest page, String role, String scope) {
        String tenant = caller.tenant().id();
        StringBuilder where = new StringBuilder(" FROM Privilege p JOIN p.user u WHERE p.tenantId = :tenant");
        String roleId = role == null || role.isBlank() ? null : roles.resolve("role", role).id();
        if (roleId != null) {
            where.append(" AND p.role = :role");
        }
        if (scope != null && !scope.isBlank()) {
            where.append(" AND p.scope = :scope");
        }
        where.append(visibility.condition());
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p)" + where, Long.class);
        TypedQuery<Privilege> rows = em.createQuery("SELECT p" + where + " ORDER BY u.usernameLc, p.slot, p.id",
                Privilege.class);
        for (TypedQuery<?> query : List.of(count, rows)) {
            query.setParameter("tenant", tenant);
            if (roleId != null) {
                query.setParameter("role", roleId);
            }
            if (scope != null && !scope.isBlank()) {
                query.setParameter("scope", scope.strip());
            }
            visibility.bind(query);
        }
        List<Privilege> found = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found, page, count.getSingleResult());
    }

    /** Every privilege of a user the caller may see. */
    public List<Privilege> ofUser(String username) {
        return held(users.visible(username));
    }

    /**
     * The seed's privilege of a user: its strongest unscoped system privilege effective now, or else the one that
     * starts next, or else the one that ended last; 404 when it holds none.
     */
    public Privilege tenantRole(String username) {
        User user = users.visible(username);
        Instant now = Clock.now();
        List<Privilege> system = tenantWide(user);
        return system.stream().filter(p -> p.effectiveAt(now))
                .max(Comparator.comparingInt(p -> p.systemRole().orElseThrow().weight()))
                .or(() -> system.stream().filter(p -> p.activeFrom() != null && p.activeFrom().isAfter(now))
                        .min(Comparator.comparing(Privilege::activeFrom)))
                .or(() -> system.stream().filter(p -> p.activeUntil() != null && !p.activeUntil().isAfter(now))
                        .max(Comparator.comparing(Privilege::activeUntil)))
                .orElseThrow(() -> new NotFound("the user '" + user.username() + "' holds no tenant-wide system role"));
    }

    /**
     * The seed's PUT: {@code grant} becomes the user's only unscoped system privilege. The privilege it replaces
     * keeps its id (the one of the same role, else the one {@link #tenantRole} answers).
     */
    @Transactional
    public Saved putTenantRole(String username, Grant grant) {
        User user = users.visible(username);
        if (grant.scope() != null) {
            throw new InvalidInput("scope", "this path sets the user's tenant-wide role; grant scoped privileges at"
                    + " /users/" + user.username() + "/privileges");
        }
        RoleRef role = roles.resolve("role", grant.role());
        if (!role.system()) {
            throw new InvalidInput("role", "this path sets the user's tenant-wide system role, one of "
                    + Role.names() + "; grant '" + role.name() + "' at /users/" + user.username() + "/privileges");
        }
        List<Privilege> before = tenantWide(user);
        Privilege kept = before.stream().filter(p -> p.role().equals(role.id())).findFirst()
                .orElse(before.isEmpty() ? null : tenantRole(username));
        for (Privilege other : before) {
            if (other != kept) {
                remove(other);
            }
        }
        Privilege saved = write(user, kept, role, grant, true);
        return new Saved(saved, before.isEmpty());
    }

    /** The seed's DELETE: revokes every unscoped system privilege of the user. */
    @Transactional
    public void revokeTenantRole(String username) {
        User user = users.visible(username);
        List<Privilege> system = tenantWide(user);
        if (system.isEmpty()) {
            throw new NotFound("the user '" + user.username() + "' holds no tenant-wide system role");
        }
        system.forEach(this::remove);
    }

    /** Grants a new privilege; one for the same role and scope is a 409. */
    @Transactional
    public Privilege grant(String username, Grant grant) {
        User user = users.visible(username);
        RoleRef role = roles.resolve("role", grant.role());
        List<Privilege> held = held(user);
        if (held.size() >= MAX_PER_USER) {
            throw new Conflict("'" + user.username() + "' already holds " + MAX_PER_USER + " privileges, the most a"
                    + " user may hold");
        }
        if (held.stream().anyMatch(p -> p.slot().equals(Privilege.slot(role.id(), grant.scope())))) {
            throw Conflict.notUnique("'" + user.username() + "' already holds " + role.name()
                    + (grant.scope() == null ? " for the whole tenant" : " for " + grant.scope())
                    + "; change that privilege instead");
        }
        return write(user, null, role, grant, true);
    }

    /** A privilege by id; for the seed's {@code /privileges/{username}} form, a username finds its tenant role. */
    public Privilege byId(String idOrUsername) {
        return resolve(idOrUsername);
    }

    @Transactional
    public Privilege putById(String idOrUsername, Grant grant) {
        Privilege privilege = resolve(idOrUsername);
        RoleRef role = roles.resolve("role", grant.role());
        String slot = Privilege.slot(role.id(), grant.scope());
        if (held(privilege.user()).stream().anyMatch(p -> p != privilege && p.slot().equals(slot))) {
            throw Conflict.notUnique("'" + privilege.user().username() + "' already holds another privilege of "
                    + role.name() + (grant.scope() == null ? " for the whole tenant" : " for " + grant.scope()));
        }
        return write(privilege.user(), privilege, role, grant, true);
    }

    @Transactional
    public void revokeById(String idOrUsername) {
        remove(resolve(idOrUsername));
    }

    /**
     * Makes the user's privileges exactly {@code grants} (a user PUT's {@code tenantUserPrivileges}): those of the
     * same role and scope are changed, the others granted or revoked. Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAll(User user, List<Grant> grants) {
        replaceAll(user, grants, held(user));
    }

    /**
     * Grants the privileges the user does not hold yet (by role and scope) and keeps all it holds; an invitation's
     * roles, granted when it is accepted. Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantMissing(User user, List<Grant> grants) {
        List<Privilege> held = held(user);
        Set<String> slots = held.stream().map(Privilege::slot).collect(Collectors.toSet());
        List<Grant> merged = new ArrayList<>(held.stream().map(Privileges::asGrant).toList());
        for (Grant grant : grants) {
            if (slots.add(Privilege.slot(roles.resolve("roles", grant.role()).id(), grant.scope()))) {
                merged.add(grant);
            }
        }
        replaceAll(user, merged, held);
    }

    /**
     * Makes the user's tenant-wide roles (its unscoped privileges, of system or tenant roles) exactly the roles
     * {@code named} by id or name in the body's {@code field}; its scoped privileges stay, and a role it keeps keeps
     * its window. Granting one restores a de-provisioned user. Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceTenantWide(User user, String field, List<String> named) {
        List<Privilege> held = held(user);
        Map<String, Privilege> unscoped = held.stream().filter(p -> p.scope() == null)
                .collect(Collectors.toMap(Privilege::role, p -> p));
        List<Grant> wanted = new ArrayList<>(held.stream().filter(p -> p.scope() != null).map(Privileges::asGrant)
                .toList());
        Set<String> seen = new HashSet<>();
        for (String name : named) {
            RoleRef role = roles.resolve(field, name);
            if (seen.add(role.id())) {
                Privilege kept = unscoped.get(role.id());
                wanted.add(kept == null ? new Grant(role.id(), null, null, null) : asGrant(kept));
            }
        }
        replaceAll(user, wanted, held);
    }

    private static Grant asGrant(Privilege privilege) {
        return new Grant(privilege.role(), privilege.scope(), privilege.activeFrom(), privilege.activeUntil());
    }

    /**
     * {@link #replaceAll} for a user created in this transaction, who holds nothing yet: no query, no flush. Its status
     * stays as its creator set it (an INVITED user stays INVITED).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantAll(User created, List<Grant> grants) {
        replaceAll(created, grants, List.of(), false);
    }

    private void replaceAll(User user, List<Grant> grants, List<Privilege> held) {
        replaceAll(user, grants, held, true);
    }

    /** {@code activate}: a grant makes an INVITED or DE-PROVISIONED user ACTIVE. */
    private void replaceAll(User user, List<Grant> grants, List<Privilege> held, boolean activate) {
        if (grants.size() > MAX_PER_USER) {
            throw new InvalidInput("tenantUserPrivileges", "a user holds at most " + MAX_PER_USER + " privileges");
        }
        Map<String, Privilege> current = held.stream().collect(Collectors.toMap(Privilege::slot, p -> p));
        Set<String> wanted = new HashSet<>();
        List<java.util.function.Supplier<Privilege>> writes = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            Grant grant = grants.get(i);
            RoleRef role = roles.resolve("tenantUserPrivileges[" + i + "].role", grant.role());
            String slot = Privilege.slot(role.id(), grant.scope());
            if (!wanted.add(slot)) {
                throw new InvalidInput("tenantUserPrivileges[" + i + "]", "names " + role.name() + (grant.scope() == null
                        ? "" : " for " + grant.scope()) + " twice; a user holds one privilege per role and scope");
            }
            writes.add(() -> write(user, current.get(slot), role, grant, false, activate));
        }
        current.forEach((slot, privilege) -> {
            if (!wanted.contains(slot)) {
                remove(privilege, false);
            }
        });
        List<Privilege> after = writes.stream().map(java.util.function.Supplier::get).toList();
        listing.update(user, windows(after));
    }

    /** Revokes every privilege of the user; returns the roles it held. Part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> revokeAll(User user) {
        List<Privilege> all = held(user);
        all.forEach(this::remove);
        return all.stream().map(Privilege::role).toList();
    }

    /** Brings the user's place in the active list in line with the privileges it holds now. */
    private void relist(User user) {
        listing.update(user, windows(held(user)));
    }

    /**
     * Refuses (409) a change to {@code user} that would leave its tenant without an effective administrator, unless
     * the platform operator makes it: after it, nobody but the operator could manage the tenant.
     */
    public void keepAnAdministrator(User user, String change) {
        Instant now = Clock.now();
        if (caller.operator() || held(user).stream().noneMatch(p -> administers(p, now))) {
            return;
        }
        long administrators = em.createNamedQuery(Privilege.ADMINISTRATORS, Long.class)
                .setParameter("tenant", user.tenantId()).setParameter("role", Role.ADMINISTRATOR.id())
                .setParameter("active", UserStatus.ACTIVE).setParameter("now", now).getSingleResult();
        if (administrators <= 1) {
            throw new Conflict("'" + user.username() + "' is the tenant's last administrator: " + change + " would"
                    + " leave nobody but the platform operator able to manage the tenant; grant ADMINISTRATOR to"
                    + " another user first");
        }
    }

    /** Grants (privilege null) or changes a privilege and audits, relisting the user unless the caller will. */
    private Privilege write(User user, Privilege privilege, RoleRef role, Grant grant, boolean relist) {
        return write(user, privilege, role, grant, relist, true);
    }

    private Privilege write(User user, Privilege privilege, RoleRef role, Grant grant, boolean relist,
                            boolean activate) {
        boolean created = privilege == null;
        Instant now = Clock.now();
        if (!created && administers(privilege, now) && !(Role.ADMINISTRATOR.id().equals(role.id())
                && grant.scope() == null && Window.contains(grant.activeFrom(), grant.activeUntil(), now))) {
            keepAnAdministrator(user, "changing its privilege");
        }
        Changes changes = new Changes();
        if (created) {
            privilege = new Privilege(user, caller.name());
            changes.note("role", null, role.id()).note("scope", null, grant.scope())
                    .note("activeFrom", null, grant.activeFrom()).note("activeUntil", null, grant.activeUntil());
        } else {
            changes.note("role", privilege.role(), role.id()).note("scope", privilege.scope(), grant.scope())
                    .note("activeFrom", privilege.activeFrom(), grant.activeFrom())
                    .note("activeUntil", privilege.activeUntil(), grant.activeUntil());
        }
        privilege.grant(role.id(), grant.scope(), grant.activeFrom(), grant.activeUntil());
        if (created) {
            inserts.persist(privilege);
        }
        if (activate && (user.status() == UserStatus.DEPROVISIONED || user.status() == UserStatus.INVITED)) {
            changes.note("userStatus", user.status(), UserStatus.ACTIVE);
            user.changeStatus(UserStatus.ACTIVE);
        }
        if (!changes.isEmpty()) {
            user.touch(); // a user's privileges are part of it: its ETag and updatedAt change with them
            audit.record(user.tenantId(), created ? "privilege.granted" : "privilege.changed", "privilege",
                    privilege.id(), user.username(), changes);
        }
        if (relist) {
            relist(user);
        }
        return privilege;
    }

    private void remove(Privilege privilege) {
        remove(privilege, true);
    }

    private void remove(Privilege privilege, boolean relist) {
        if (administers(privilege, Clock.now())) {
            keepAnAdministrator(privilege.user(), "revoking its privilege");
        }
        User user = privilege.user();
        em.remove(privilege);
        user.touch();
        if (relist) {
            listing.update(user, windows(held(user).stream().filter(p -> p != privilege).toList()));
        }
        audit.record(privilege.tenantId(), "privilege.revoked", "privilege", privilege.id(), user.username(),
                new Changes().note("role", privilege.role(), null).note("scope", privilege.scope(), null)
                        .note("activeFrom", privilege.activeFrom(), null)
                        .note("activeUntil", privilege.activeUntil(), null));
    }

    private static List<Interval> windows(List<Privilege> privileges) {
        return privileges.stream().map(p -> new Interval(p.activeFrom(), p.activeUntil())).toList();
    }

    private static boolean administers(Privilege privilege, Instant now) {
        return privilege.systemRole().filter(r -> r == Role.ADMINISTRATOR).isPresent() && privilege.effectiveAt(now);
    }

    /** The user's unscoped privileges of system roles: what the seed's {@code /privilege} addresses. */
    private List<Privilege> tenantWide(User user) {
        return held(user).stream().filter(p -> p.systemRole().isPresent()).toList();
    }

    private Privilege resolve(String idOrUsername) {
        String tenant = caller.tenant().id();
        Optional<Privilege> byId = em.createNamedQuery(Privilege.BY_ID, Privilege.class).setParameter("tenant", tenant)
                .setParameter("id", idOrUsername).getResultStream().findFirst();
        if (byId.isPresent()) {
            if (!visibility.sees(byId.get().user())) {
                throw new NotFound("there is no privilege '" + idOrUsername + "'");
            }
            return byId.get();
        }
        if (users.find(tenant, idOrUsername).filter(visibility::sees).isPresent()) {
            return tenantRole(idOrUsername);
        }
        throw new NotFound("there is no privilege '" + idOrUsername + "'");
    }
}
