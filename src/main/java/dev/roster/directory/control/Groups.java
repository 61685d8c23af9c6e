package dev.roster.directory.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.directory.entity.Group;
import dev.roster.platform.Checks;
import dev.roster.platform.Criteria;
import dev.roster.platform.CriteriaSql;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Slice;
import dev.roster.platform.Slices;
import dev.roster.platform.Value;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.problem.PreconditionFailed;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The caller's tenant's groups and their members. */
@ApplicationScoped
public class Groups {

    static final int NAME_MAX = 256;
    static final int DESCRIPTION_MAX = 1000;
    static final int EXTERNAL_ID_MAX = 256;
    /** How many users one query looks up by id when members change. */
    static final int LOOKUP = 500;
    static final Map<String, CriteriaSql.Column> COLUMNS = Map.of(
            "id", CriteriaSql.text("g.id", false, true),
            "displayName", CriteriaSql.text("g.display_name_lc", true, false),
            "externalId", CriteriaSql.text("g.external_id", false, true),
            "createdAt", CriteriaSql.time("g.created_at"),
            "updatedAt", CriteriaSql.time("g.updated_at"),
            "members", CriteriaSql.exists("SELECT 1 FROM memberships m WHERE m.container_id = g.id AND m.user_id = ?",
                    "SELECT 1 FROM memberships m WHERE m.container_id = g.id"));
    static final Map<String, String> ORDER = Map.of("displayName", "g.display_name_lc", "externalId", "g.external_id",
            "createdAt", "g.created_at", "updatedAt", "g.updated_at", "id", "g.id");
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

    @Inject
    Users users;

    @Inject
    Slices slices;

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

    /**
     * {@code count} groups from {@code offset} (from 0) of those that meet {@code criteria}, by display name (or
     * {@code orderBy}: {@code displayName}, {@code externalId}, {@code createdAt}, {@code updatedAt}, {@code id}) and
     * then by id; {@code count} 0 only counts them. Fields: {@code id}, {@code displayName}, {@code externalId},
     * {@code createdAt}, {@code updatedAt} and {@code members} (a user id).
     */
    public Slice<Group> matching(Criteria criteria, String orderBy, boolean descending, long offset, int count) {
        String order = ORDER.get(orderBy == null ? "displayName" : orderBy);
        if (order == null) {
            throw new InvalidInput("sortBy", "cannot sort by " + orderBy);
        }
        CriteriaSql.Where where = CriteriaSql.of(criteria, COLUMNS);
        String from = " FROM user_groups g WHERE g.tenant_id = ? AND " + where.sql();
        List<Object> parameters = new ArrayList<>();
        parameters.add(caller.tenant().id());
        parameters.addAll(where.parameters());
        Slice<String> ids = slices.ids(em, "g.id", from, parameters, order,
                order.equals("g.display_name_lc") || order.equals("g.id"), descending, offset, count);
        Map<String, Group> byId = byIds(ids.items()).stream().collect(Collectors.toMap(Group::id, g -> g));
        return new Slice<>(ids.items().stream().map(byId::get).filter(Objects::nonNull).toList(), offset,
                ids.total());
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
        Group group = get(id);
        group.touch();
        return memberships.add(group, username);
    }

    @Transactional
    public void removeMember(String id, String username) {
        Group group = get(id);
        group.touch();
        memberships.remove(group, username);
    }

    /**
     * A change of a group's members by user id: an exact set ({@code exactly}, null to keep the members), then ids to
     * add and ids to remove (one that is no member is passed over). An id that is no user of the tenant is a 400.
     */
    public record MemberChange(Set<String> exactly, Set<String> added, Set<String> removed) {

        public boolean isEmpty() {
            return exactly == null && added.isEmpty() && removed.isEmpty();
        }
    }

    /** Creates a group with its first members, in one transaction. */
    @Transactional
    public Group create(GroupCommand command, Set<String> memberIds) {
        Group group = create(command);
        change(group, new MemberChange(null, memberIds, Set.of()));
        return group;
    }

    /**
     * Changes a group's fields and members in one transaction; {@code ifMatch}, when given, must name its current
     * entity tag ({@link #etag}).
     */
    @Transactional
    public Group change(String id, GroupCommand command, MemberChange members, String ifMatch) {
        Group group = get(id);
        if (ifMatch != null && !Users.matches(ifMatch, etag(group))) {
            throw new PreconditionFailed("If-Match " + ifMatch + " does not match the current entity tag "
                    + etag(group) + "; read the group again");
        }
        update(id, command);
        change(group, members);
        return group;
    }

    private void change(Group group, MemberChange change) {
        if (change.isEmpty()) {
            return;
        }
        Set<String> added = new HashSet<>(change.added());
        Set<String> removed = new HashSet<>(change.removed());
        if (change.exactly() != null) {
            Set<String> current = memberships.memberIds(group);
            change.exactly().stream().filter(u -> !current.contains(u)).forEach(added::add);
            current.stream().filter(u -> !change.exactly().contains(u)).forEach(removed::add);
        }
        group.touch(); // first: each member counted moves the version on in the database (a bulk update)
        List<String> named = new ArrayList<>(added);
        named.addAll(removed);
        Map<String, User> found = new HashMap<>();
        for (int from = 0; from < named.size(); from += LOOKUP) { // IN lists of a size both databases plan well
            users.byIds(named.subList(from, Math.min(named.size(), from + LOOKUP))).stream()
                    .filter(u -> u.tenantId().equals(group.tenantId())).forEach(u -> found.put(u.id(), u));
        }
        List<String> unknown = added.stream().filter(u -> !found.containsKey(u)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput("members", "names no user of this tenant: " + String.join(", ", unknown));
        }
        for (String userId : removed) {
            if (found.containsKey(userId) && !added.contains(userId)) {
                memberships.remove(group, found.get(userId));
            }
        }
        for (String userId : added) {
            memberships.add(group, found.get(userId));
        }
    }

    /** Every member of the group by id and username, by username. */
    public List<Memberships.Ref> memberRefs(Group group) {
        return memberships.refs(group);
    }

    /**
     * A group's entity tag: its version, which every change of its fields or members moves on (the update of its
     * member count increments it too).
     */
    public static String etag(Group group) {
        return "\"" + group.version() + "\"";
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
