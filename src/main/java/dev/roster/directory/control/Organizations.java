package dev.roster.directory.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.directory.entity.Group;
import dev.roster.directory.entity.Organization;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The caller's tenant's organizations, their tree and their members. */
@ApplicationScoped
public class Organizations {

    static final int NAME_MAX = 200;
    /** How deep organizations may nest: deeper is almost surely a loop in the caller's data. */
    static final int MAX_DEPTH = 32;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Memberships memberships;

    public Page<Organization> list(PageRequest page, String q) {
        String tenant = caller.tenant().id();
        String from = q == null ? "" : Group.lower(q.strip());
        long total = em.createNamedQuery(Organization.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .setParameter("from", from).setParameter("to", from + Groups.PREFIX_END).getSingleResult();
        return Page.of(em.createNamedQuery(Organization.OF_TENANT, Organization.class).setParameter("tenant", tenant)
                .setParameter("from", from).setParameter("to", from + Groups.PREFIX_END)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page, total);
    }

    public Organization get(String id) {
        return find(id).orElseThrow(() -> new NotFound("this tenant has no organization " + id));
    }

    /** The tenant's organization with this id, if there is one. */
    public Optional<Organization> find(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(Organization.class, id))
                .filter(o -> o.tenantId().equals(caller.tenant().id()));
    }

    @Transactional
    public Organization create(OrganizationCommand command) {
        Checks checks = new Checks().required("name", command.name());
        check(checks, command);
        Organization organization = new Organization(caller.tenant().id(), command.name().value().strip());
        Changes changes = place(organization, command).note("name", null, organization.name());
        em.persist(organization);
        em.flush();
        audit.record(organization.tenantId(), "organization.created", "organization", organization.id(),
                organization.name(), changes);
        return organization;
    }

    @Transactional
    public Organization update(String id, OrganizationCommand command) {
        Organization organization = get(id);
        check(new Checks().notCleared("name", command.name()), command);
        Changes changes = place(organization, command);
        if (command.name().isSet() && !command.name().value().strip().equals(organization.name())) {
            changes.note("name", organization.name(), command.name().value().strip());
            organization.rename(command.name().value().strip());
        }
        if (!changes.isEmpty()) {
            audit.record(organization.tenantId(), "organization.changed", "organization", organization.id(),
                    organization.name(), changes);
        }
        return organization;
    }

    /** Deletes an organization without child organizations, and its memberships; the users stay. */
    @Transactional
    public void delete(String id) {
        Organization organization = get(id);
        long children = em.createNamedQuery(Organization.CHILDREN, Long.class).setParameter("parent", organization.id())
                .getSingleResult();
        if (children > 0) {
            throw new Conflict("the organization has " + children + " child organization" + (children == 1 ? "" : "s")
                    + "; move or delete them first");
        }
        memberships.removeAll(organization.id());
        em.remove(organization);
        audit.record(organization.tenantId(), "organization.deleted", "organization", organization.id(),
                organization.name(), null);
    }

    /** Adds a user of the tenant to the organization; true if it was not a member yet. */
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

    public List<Organization> byIds(List<String> ids) {
        return ids.isEmpty() ? List.of() : em.createNamedQuery(Organization.BY_IDS, Organization.class)
                .setParameter("ids", ids).getResultList();
    }

    private static void check(Checks checks, OrganizationCommand command) {
        if (command.name().isSet() && command.name().value().isBlank()) {
            checks.fail("name", "must not be blank");
        }
        checks.maxLength("name", command.name(), NAME_MAX)
                .maxLength("externalId", command.externalId(), Groups.EXTERNAL_ID_MAX)
                .maxLength("parentId", command.parentId(), 36).done();
    }

    /** Sets the external id and the parent, which must be another organization of the tenant and not below it. */
    private Changes place(Organization organization, OrganizationCommand command) {
        String externalId = Groups.pick(command.externalId(), organization.externalId());
        String parentId = Groups.pick(command.parentId(), organization.parentId());
        if (parentId != null && !parentId.equals(organization.parentId())) {
            Organization above = find(parentId)
                    .orElseThrow(() -> new InvalidInput("parentId", "is not an organization of this tenant"));
            for (int depth = 1; above != null; depth++) {
                if (above.id().equals(organization.id())) {
                    throw new InvalidInput("parentId", "would put the organization below itself");
                }
                if (depth > MAX_DEPTH) {
                    throw new InvalidInput("parentId", "would nest organizations deeper than " + MAX_DEPTH + " levels");
                }
                above = above.parentId() == null ? null : find(above.parentId()).orElse(null);
            }
        }
        Changes changes = new Changes().note("externalId", organization.externalId(), externalId)
                .note("parentId", organization.parentId(), parentId);
        organization.place(externalId, parentId);
        return changes;
    }
}
