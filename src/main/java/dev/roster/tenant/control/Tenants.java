package dev.roster.tenant.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Conflict;
import dev.roster.problem.NotFound;
import dev.roster.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating, reading, branding, suspending and reactivating tenants. */
@ApplicationScoped
public class Tenants {

    /** A slug: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit. */
    static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,61}[a-z0-9])?");
    static final int NAME_MAX = 200;
    static final int ICON_MAX = 2048;
    static final int THEME_MAX = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Transactional
    public Tenant create(TenantCommand command) {
        Checks checks = new Checks().required("label", command.label());
        String label = command.label().value();
        if (command.label().isSet() && !LABEL.matcher(label).matches()) {
            checks.fail("label", "must be a slug: 1 to 63 lower-case letters, digits, '-' or '.', starting and "
                    + "ending with a letter or digit");
        }
        checks.required("name", command.name()).notCleared("active", command.active());
        brandChecks(checks, command);
        checks.done();
        if (byLabel(label).isPresent()) {
            throw Conflict.notUnique("a tenant with label '" + label + "' already exists");
        }
        String name = command.name().value();
        Tenant tenant = new Tenant(label, name);
        tenant.brand(command.icon().value(), command.theme().value());
        if (Boolean.FALSE.equals(command.active().value())) {
            tenant.activate(false);
        }
        em.persist(tenant);
        audit.record(tenant.id(), "tenant.created", "tenant", tenant.id(), label,
                new Changes().note("name", null, name).note("icon", null, tenant.icon())
                        .note("theme", null, tenant.theme()).note("active", null, tenant.active()));
        return tenant;
    }

    public Page<Tenant> list(PageRequest page) {
        long total = em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult();
        return Page.of(em.createNamedQuery(Tenant.ALL, Tenant.class).setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList(), page, total);
    }

    public Tenant get(String label) {
        return byLabel(label).orElseThrow(() -> new NotFound("there is no tenant '" + label + "'"));
    }

    /** The operator's update: name, icon, theme and {@code active}; the label never changes. */
    @Transactional
    public Tenant update(String label, TenantCommand command) {
        Tenant tenant = get(label);
        Checks checks = new Checks();
        if (command.label().present() && !label.equals(command.label().value())) {
            checks.fail("label", "cannot change; it names the tenant for good");
        }
        brandChecks(checks, command);
        checks.notCleared("active", command.active());
        checks.done();
        Changes changes = brand(tenant, command);
        String action = "tenant.updated";
        Boolean active = command.active().value();
        if (active != null && active != tenant.active()) {
            changes.note("active", tenant.active(), active);
            tenant.activate(active);
            action = active ? "tenant.reactivated" : "tenant.suspended";
        }
        if (!changes.isEmpty()) {
            audit.record(tenant.id(), action, "tenant", tenant.id(), tenant.label(), changes);
        }
        return tenant;
    }

    /** The tenant a request acts in, for its own people. */
    public Tenant current() {
        Tenant tenant = em.find(Tenant.class, caller.tenant().id());
        if (tenant == null) {
            throw new NotFound("the tenant no longer exists");
        }
        return tenant;
    }

    /** {@code PUT /info}: only icon, theme and name change; the rest is read-only. */
    @Transactional
    public Tenant updateInfo(TenantCommand command) {
        Tenant tenant = current();
        Checks checks = new Checks();
        if (checks.readable("label", command.label()) && command.label().present()
                && !tenant.label().equals(command.label().value())) {
            checks.fail("label", "is read-only");
        }
        if (checks.readable("active", command.active()) && command.active().present()
                && !Boolean.valueOf(tenant.active()).equals(command.active().value())) {
            checks.fail("active", "is read-only; the platform operator suspends and reactivates tenants");
        }
        brandChecks(checks, command);
        checks.done();
        Changes changes = brand(tenant, command);
        if (!changes.isEmpty()) {
            audit.record(tenant.id(), "tenant.updated", "tenant", tenant.id(), tenant.label(), changes);
        }
        return tenant;
    }

    private static void brandChecks(Checks checks, TenantCommand command) {
        if (command.name().present()) {
            checks.required("name", command.name());
        }
        checks.maxLength("name", command.name(), NAME_MAX).maxLength("icon", command.icon(), ICON_MAX)
                .maxLength("theme", command.theme(), THEME_MAX);
    }

    private static Changes brand(Tenant tenant, TenantCommand command) {
        String name = command.name().present() ? command.name().value() : tenant.name();
        String icon = command.icon().present() ? command.icon().value() : tenant.icon();
        String theme = command.theme().present() ? command.theme().value() : tenant.theme();
        Changes changes = new Changes().note("name", tenant.name(), name).note("icon", tenant.icon(), icon)
                .note("theme", tenant.theme(), theme);
        if (!name.equals(tenant.name())) {
            tenant.rename(name);
        }
        if (!changes.isEmpty()) {
            tenant.brand(icon, theme);
        }
        return changes;
    }

    Optional<Tenant> byLabel(String label) {
        return em.createNamedQuery(Tenant.BY_LABEL, Tenant.class).setParameter("label", label)
                .getResultStream().findFirst();
    }
}
