package dev.roster.privilege.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.privilege.entity.Privilege;
import dev.roster.privilege.entity.Role;
import dev.roster.privilege.entity.TenantRole;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tenant's roles: the five system roles, fixed, and the roles the tenant defines. A role is named by its id or
 * its name, regardless of case, wherever a client names one; names are unique across both kinds, so
 * "Administrator" always reaches the system role.
 */
@ApplicationScoped
public class RoleCatalog {

    /** The length of a tenant role's id, a UUID. */
    static final int ID_LENGTH = 36;

    private static final Map<String, String> SYSTEM_NAMES = Arrays.stream(Role.values())
            .collect(Collectors.toUnmodifiableMap(Role::id, Role::displayName));

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** The caller's tenant's roles: system roles first (strongest first), then the tenant's by weight and name. */
    public Page<RoleRef> list(PageRequest page) {
        List<RoleRef> system = systemRoles();
        long tenantRoles = em.createNamedQuery(TenantRole.COUNT, Long.class).setParameter("tenant", tenant())
                .getSingleResult();
        List<RoleRef> content = Stream.concat(system.stream().skip(page.offset()),
                em.createNamedQuery(TenantRole.OF_TENANT, TenantRole.class).setParameter("tenant", tenant())
                        .setFirstResult((int) Math.max(0, page.offset() - system.size()))
                        .setMaxResults(page.size()).getResultStream().map(RoleRef::of))
                .limit(page.size()).toList();
        return Page.of(content, page, system.size() + tenantRoles);
    }

    /** The role a client names, by id or name, or 404 listing the names that exist. */
    public RoleRef named(String idOrName) {
        return find(tenant(), idOrName).orElseThrow(() -> new NotFound("there is no role '" + idOrName
                + "' in this tenant; roles are " + namesOf(tenant())));
    }

    /** The role a client names in a body's {@code field}, or a 400 naming the roles that exist. */
    public RoleRef resolve(String field, String idOrName) {
        return find(tenant(), idOrName).orElseThrow(() -> new InvalidInput(field, "'" + idOrName
                + "' is not a role of this tenant; roles are " + namesOf(tenant())));
    }

    /** The display names of the caller's tenant's roles by id: for views of privileges. */
    public Map<String, String> names() {
        return names(tenant());
    }

    /** The display names of the roles these privileges name, by id; reads the tenant's roles only if one is named. */
    public Map<String, String> namesFor(String tenantId, Collection<Privilege> privileges) {
        return privileges.stream().allMatch(p -> Role.ofId(p.role()).isPresent()) ? SYSTEM_NAMES : names(tenantId);
    }

    /** The display names of the tenant's roles by id. */
    public Map<String, String> names(String tenantId) {
        Map<String, String> names = new HashMap<>(SYSTEM_NAMES);
        em.createNamedQuery(TenantRole.OF_TENANT, TenantRole.class).setParameter("tenant", tenantId)
                .getResultStream().forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    @Transactional
    public RoleRef create(RoleCommand command) {
        checkNameFree(command.name(), null);
        TenantRole role = new TenantRole(tenant(), command.name().strip(), command.weight(), command.description());
        em.persist(role);
        audit.record(role.tenantId(), "role.created", "role", role.id(), role.name(), new Changes()
                .note("name", null, role.name()).note("weight", null, role.weight())
                .note("description", null, role.description()));
        return RoleRef.of(role);
    }

    @Transactional
    public RoleRef update(String idOrName, RoleCommand command) {
        TenantRole role = tenantRole(idOrName);
        checkNameFree(command.name(), role.id());
        Changes changes = new Changes().note("name", role.name(), command.name().strip())
                .note("weight", role.weight(), command.weight())
                .note("description", role.description(), command.description());
        role.change(command.name().strip(), command.weight(), command.description());
        if (!changes.isEmpty()) {
            audit.record(role.tenantId(), "role.changed", "role", role.id(), role.name(), changes);
        }
        return RoleRef.of(role);
    }

    /** Deletes a tenant role nobody holds; a held one is a 409 that says how many hold it. */
    @Transactional
    public void delete(String idOrName) {
        TenantRole role = tenantRole(idOrName);
        long holders = em.createNamedQuery(Privilege.HOLDERS, Long.class).setParameter("tenant", role.tenantId())
                .setParameter("role", role.id()).getSingleResult();
        if (holders > 0) {
            throw new Conflict("the role '" + role.name() + "' is held by " + holders + (holders == 1 ? " user" : " users")
                    + "; revoke it from them first");
        }
        em.remove(role);
        audit.record(role.tenantId(), "role.deleted", "role", role.id(), role.name(),
                new Changes().note("name", role.name(), null));
    }

    private TenantRole tenantRole(String idOrName) {
        RoleRef named = named(idOrName);
        if (named.system()) {
            throw new Conflict("'" + named.id() + "' is a system role: the five system roles are fixed");
        }
        return em.find(TenantRole.class, named.id());
    }

    private void checkNameFree(String name, String exceptId) {
        Optional<RoleRef> taken = find(tenant(), name.strip());
        if (taken.isPresent() && !taken.get().id().equals(exceptId)) {
            throw Conflict.notUnique("the role name '" + name.strip() + "' is taken" + (taken.get().system()
                    ? " by the system role " + taken.get().id() : " in this tenant"));
        }
    }

    private Optional<RoleRef> find(String tenantId, String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        Optional<Role> system = Role.named(idOrName);
        if (system.isPresent()) {
            return system.map(RoleRef::of);
        }
        String id = idOrName.strip();
        // by id through the persistence context: a role named again in the same transaction costs no query
        return Optional.ofNullable(id.length() == ID_LENGTH ? em.find(TenantRole.class, id) : null)
                .filter(r -> r.tenantId().equals(tenantId))
                .or(() -> em.createNamedQuery(TenantRole.BY_NAME, TenantRole.class).setParameter("tenant", tenantId)
                        .setParameter("name", TenantRole.lower(idOrName)).getResultStream().findFirst())
                .map(RoleRef::of);
    }

    private String namesOf(String tenantId) {
        return Stream.concat(Arrays.stream(Role.values()).map(r -> r.id() + " (" + r.displayName() + ")"),
                em.createNamedQuery(TenantRole.OF_TENANT, TenantRole.class).setParameter("tenant", tenantId)
                        .setMaxResults(50).getResultStream().map(TenantRole::name))
                .collect(Collectors.joining(", "));
    }

    private static List<RoleRef> systemRoles() {
        return Arrays.stream(Role.values()).sorted((a, b) -> Integer.compare(b.weight(), a.weight()))
                .map(RoleRef::of).toList();
    }

    private String tenant() {
        return caller.tenant().id();
    }
}
