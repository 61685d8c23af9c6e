package dev.roster.directory.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.directory.entity.Group;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Value;
import dev.roster.problem.Conflict;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The caller's tenant's groups and their members. */
@ApplicationScoped
public class Groups {

    static final int NAME_MAX = 256;
    static final int DESCRIPTION_MAX = 1000;
    static final int EXTERNAL_ID_MAX = 256;
    /** The end of a prefix range: every name that starts with the prefix sorts below prefix + this. */
    static final String PREFIX_END = "\uffff";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Memberships memberships;

    /** The tenant's groups in display-name order, those starting with {@code q} (any case) when it is given. */
    public Page<Group> list(PageRequest page, String q) {
        String tenant = caller.tenant().id();
        String from = q == null ? "" : Group.lower(q.strip());
        long total = em.createNamedQuery(Group.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .setParameter("from", from).setParameter("to", from + PREFIX_END).getSingleResult();
        return Page.of(em.createNamedQuery(Group.OF_TENANT, Group.class).setParameter("tenant", tenant)
                .setParameter("from", from).setParameter("to", from + PREFIX_END).setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList(), page, total);
    }

    public Group get(String id) {
        return find(id).orElseThrow(() -> new NotFound("this tenant has no group " + id));
    }

    /** The caller's tenant's group with this id, if there is one. */
    public Optional<Group> find(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(Group.class, id))
                .filter(g -> g.tenantId().equals(caller.tenant().id()));
    }

    @Transactional
    public Group create(GroupCommand command) {
        Checks checks = new Checks().required("displayName", command.displayName());
        check(checks, command);
        Group group = new Group(caller.tenant().id(), command.displayName().value().strip());
        unique(group.tenantId(), group.displayName(), null);
        Changes changes = describe(group, command).note("displayName", null, group.displayName());
        em.persist(group);
        em.flush();
        audit.record(group.tenantId(), "group.created", "group", group.id(), group.displayName(), changes);
        return group;
    }

    @Transactional
    public Group update(String id, GroupCommand command) {
        Group group = get(id);
        Checks checks = new Checks().notCleared("displayName", command.displayName());
        check(checks, command);
        Changes changes = describe(group, command);
        if (command.displayName().isSet() && !command.displayName().value().strip().equals(group.displayName())) {
            String name = command.displayName().value().strip();
            unique(group.tenantId(), name, group.id());
            changes.note("displayName", group.displayName(), name);
            group.rename(name);
        }
        if (!changes.isEmpty()) {
            audit.record(group.tenantId(), "group.changed", "group", group.id(), group.displayName(), changes);
        }
        return group;
    }

    /** Deletes the group and its memberships; the users stay. */
    @Transactional
    public void delete(String id) {
        Group group = get(id);
        memberships.removeAll(group.id());
        em.remove(group);
        audit.record(group.tenantId(), "group.deleted", "group", group.id(), group.displayName(), null);
    }

    /** Adds a user of the tenant to the group; true if it was not a member yet. */
    @Transactional
    public boolean addMember(String id, String username) {
        return memberships.add(get(id), username);
    }

    @Transactional
    public void removeMember(String id, String username) {
        memberships.remove(get(id), username);
    }

    public Page<Memberships.Member> members(String id, PageRequest page) {
        return memberships.page(get(id), page);
    }

    /** The groups with these ids (for a user's representation). */
    public List<Group> byIds(List<String> ids) {
        return ids.isEmpty() ? List.of()
                : em.createNamedQuery(Group.BY_IDS, Group.class).setParameter("ids", ids).getResultList();
    }

    private void unique(String tenant, String name, String self) {
        em.createNamedQuery(Group.BY_NAME, Group.class).setParameter("tenant", tenant)
                .setParameter("name", Group.lower(name)).getResultStream().filter(g -> !g.id().equals(self))
                .findFirst().ifPresent(taken -> {
                    throw Conflict.notUnique("the tenant has a group named '" + taken.displayName() + "' already");
                });
    }

    private static void check(Checks checks, GroupCommand command) {
        if (command.displayName().isSet() && command.displayName().value().isBlank()) {
            checks.fail("displayName", "must not be blank");
        }
        checks.maxLength("displayName", command.displayName(), NAME_MAX)
                .maxLength("description", command.description(), DESCRIPTION_MAX)
                .maxLength("externalId", command.externalId(), EXTERNAL_ID_MAX).done();
    }

    private static Changes describe(Group group, GroupCommand command) {
        String description = pick(command.description(), group.description());
        String externalId = pick(command.externalId(), group.externalId());
        Changes changes = new Changes().note("description", group.description(), description)
                .note("externalId", group.externalId(), externalId);
        group.describe(description, externalId);
        return changes;
    }

    static String pick(Value<String> requested, String current) {
        return requested.present() ? requested.value() : current;
    }
}
