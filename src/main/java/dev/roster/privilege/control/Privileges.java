package dev.roster.privilege.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.privilege.boundary.PrivilegeView;
import dev.roster.privilege.entity.Privilege;
import dev.roster.platform.Clock;
import dev.roster.platform.Window;
import dev.roster.privilege.entity.Role;
import dev.roster.problem.Conflict;
import dev.roster.problem.NotFound;
import dev.roster.security.Caller;
import dev.roster.user.control.Listing;
import dev.roster.user.control.Users;
import dev.roster.user.control.Visibility;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Granting, changing, reading and revoking privileges in the caller's tenant. */
@ApplicationScoped
public class Privileges {

    @PersistenceContext
    EntityManager em;

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

    /** A privilege after a PUT, and whether the PUT granted it anew. */
    public record Saved(PrivilegeView view, boolean created) {
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
                .collect(Collectors.groupingBy(p -> p.user().id()));
    }

    /** Every privilege of the tenant (effective, future and ended) whose user the caller may see. */
    public Page<PrivilegeView> list(PageRequest page) {
        String tenant = caller.tenant().id();
        String where = " FROM Privilege p JOIN p.user u WHERE p.tenantId = :tenant" + visibility.condition();
        long total = visibility.bind(em.createQuery("SELECT COUNT(p)" + where, Long.class)
                .setParameter("tenant", tenant)).getSingleResult();
        List<Privilege> found = visibility.bind(em.createQuery("SELECT p" + where
                        + " ORDER BY u.usernameLc, p.slot, p.id", Privilege.class).setParameter("tenant", tenant))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found.stream().map(PrivilegeView::from).toList(), page, total);
    }

    public PrivilegeView ofUser(String username) {
        User user = users.visible(username);
        return PrivilegeView.from(inTenantSlot(user)
                .orElseThrow(() -> new NotFound("the user '" + user.username() + "' holds no privilege")));
    }

    @Transactional
    public Saved put(String username, JsonObject body) {
        User user = users.visible(username);
        PrivilegeInput input = PrivilegeInput.read(body);
        boolean created = inTenantSlot(user).isEmpty();
        return new Saved(PrivilegeView.from(set(user, input)), created);
    }

    @Transactional
    public void revoke(String username) {
        User user = users.visible(username);
        Privilege privilege = inTenantSlot(user)
                .orElseThrow(() -> new NotFound("the user '" + user.username() + "' holds no privilege"));
        remove(privilege);
    }

    /** A privilege by id; for the seed's {@code /privileges/{username}} form, a username also finds it. */
    public PrivilegeView byId(String idOrUsername) {
        return PrivilegeView.from(resolve(idOrUsername));
    }

    @Transactional
    public PrivilegeView putById(String idOrUsername, JsonObject body) {
        Privilege privilege = resolve(idOrUsername);
        return PrivilegeView.from(set(privilege.user(), PrivilegeInput.read(body), privilege));
    }

    @Transactional
    public void revokeById(String idOrUsername) {
        remove(resolve(idOrUsername));
    }

    /** Grants or changes the user's tenant-wide privilege; part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Privilege set(User user, PrivilegeInput input) {
        return set(user, input, inTenantSlot(user).orElse(null));
    }

    /** Revokes every privilege of the user; returns the roles it held. Part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> revokeAll(User user) {
        List<Privilege> all = held(user);
        all.forEach(this::remove);
        return all.stream().map(p -> p.role().name()).toList();
    }

    /** Brings the user's place in the active list in line after its status changed. Part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relist(User user) {
        listing.update(user, inTenantSlot(user).orElse(null));
    }

    private Privilege set(User user, PrivilegeInput input, Privilege privilege) {
        boolean created = privilege == null;
        if (!created && !(input.role() == Role.ADMINISTRATOR
                && Window.contains(input.activeFrom(), input.activeUntil(), Clock.now()))) {
            keepAnAdministrator(user, "changing its privilege");
        }
        Changes changes = new Changes();
        if (created) {
            privilege = new Privilege(user, Privilege.TENANT_SLOT, caller.name());
        } else {
            changes.note("role", privilege.role(), input.role()).note("activeFrom", privilege.activeFrom(),
                    input.activeFrom()).note("activeUntil", privilege.activeUntil(), input.activeUntil());
        }
        if (created) {
            changes.note("role", null, input.role()).note("activeFrom", null, input.activeFrom())
                    .note("activeUntil", null, input.activeUntil());
        }
        privilege.grant(input.role(), input.activeFrom(), input.activeUntil());
        if (created) {
            em.persist(privilege);
        }
        if (user.status() == UserStatus.DEPROVISIONED || user.status() == UserStatus.INVITED) {
            changes.note("userStatus", user.status(), UserStatus.ACTIVE);
            user.changeStatus(UserStatus.ACTIVE);
        }
        if (created || !changes.isEmpty()) {
            user.touch(); // a user's privileges are part of it: its ETag and updatedAt change with them
        }
        listing.update(user, privilege);
        if (created || !changes.isEmpty()) {
            audit.record(user.tenantId(), created ? "privilege.granted" : "privilege.changed", "privilege",
                    privilege.id(), user.username(), changes);
        }
        return privilege;
    }

    private void remove(Privilege privilege) {
        keepAnAdministrator(privilege.user(), "revoking its privilege");
        em.remove(privilege);
        privilege.user().touch();
        listing.update(privilege.user(), null);
        audit.record(privilege.tenantId(), "privilege.revoked", "privilege", privilege.id(),
                privilege.user().username(), new Changes().note("role", privilege.role(), null)
                        .note("activeFrom", privilege.activeFrom(), null)
                        .note("activeUntil", privilege.activeUntil(), null));
    }

    /**
     * Refuses (409) a change to {@code user} that would leave its tenant without an effective administrator, unless
     * the platform operator makes it: after it, nobody but the operator could manage the tenant.
     */
    public void keepAnAdministrator(User user, String change) {
        Instant now = Clock.now();
        if (caller.operator() || held(user).stream().noneMatch(p -> p.role() == Role.ADMINISTRATOR
                && p.effectiveAt(now))) {
            return;
        }
        long administrators = em.createNamedQuery(Privilege.ADMINISTRATORS, Long.class)
                .setParameter("tenant", user.tenantId()).setParameter("role", Role.ADMINISTRATOR)
                .setParameter("active", UserStatus.ACTIVE).setParameter("now", now).getSingleResult();
        if (administrators <= 1) {
            throw new Conflict("'" + user.username() + "' is the tenant's last administrator: " + change + " would"
                    + " leave nobody but the platform operator able to manage the tenant; grant ADMINISTRATOR to"
                    + " another user first");
        }
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
        return users.find(tenant, idOrUsername).filter(visibility::sees).flatMap(this::inTenantSlot)
                .orElseThrow(() -> new NotFound("there is no privilege '" + idOrUsername + "'"));
    }

    private Optional<Privilege> inTenantSlot(User user) {
        return em.createNamedQuery(Privilege.OF_USER_IN_SLOT, Privilege.class).setParameter("user", user.id())
                .setParameter("slot", Privilege.TENANT_SLOT).getResultStream().findFirst();
    }
}
