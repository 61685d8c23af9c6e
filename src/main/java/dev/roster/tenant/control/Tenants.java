package dev.roster.tenant.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Conflict;
import dev.roster.problem.NotFound;
import dev.roster.security.Caller;
import dev.roster.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
    public Tenant create(JsonObject body) {
        JsonInput input = JsonInput.of(body);
        String label = input.requiredString("label", 63);
        if (label != null && !LABEL.matcher(label).matches()) {
            input.fail("label", "must be a slug: 1 to 63 lower-case letters, digits, '-' or '.', starting and "
                    + "ending with a letter or digit");
        }
        String name = input.requiredString("name", NAME_MAX);
        String icon = input.string("icon", ICON_MAX);
        String theme = input.string("theme", THEME_MAX);
        Boolean active = input.bool("active");
        input.check();
        if (byLabel(label).isPresent()) {
            throw Conflict.notUnique("a tenant with label '" + label + "' already exists");
        }
        Tenant tenant = new Tenant(label, name);
        tenant.brand(icon, theme);
        if (Boolean.FALSE.equals(active)) {
            tenant.activate(false);
        }
        em.persist(tenant);
        audit.record(tenant.id(), "tenant.created", "tenant", tenant.id(), label,
                new Changes().note("name", null, name).note("icon", null, icon).note("theme", null, theme)
                        .note("active", null, tenant.active()));
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
    public Tenant update(String label, JsonObject body) {
        Tenant tenant = get(label);
        JsonInput input = JsonInput.of(body);
        if (input.has("label") && !label.equals(input.string("label", 63))) {
            input.fail("label", "cannot change; it names the tenant for good");
        }
        Changes changes = brand(tenant, input);
        String action = "tenant.updated";
        if (input.has("active")) {
            Boolean active = input.bool("active");
            if (active == null) {
                input.fail("active", "must be true or false");
            }
            input.check();
            if (active != tenant.active()) {
                changes.note("active", tenant.active(), active);
                tenant.activate(active);
                action = active ? "tenant.reactivated" : "tenant.suspended";
            }
        }
        input.check();
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
    public Tenant updateInfo(JsonObject body) {
        Tenant tenant = current();
        JsonInput input = JsonInput.of(body);
        if (input.has("label") && !tenant.label().equals(input.string("label", 63))) {
            input.fail("label", "is read-only");
        }
        if (input.has("active") && !Boolean.valueOf(tenant.active()).equals(input.bool("active"))) {
            input.fail("active", "is read-only; the platform operator suspends and reactivates tenants");
        }
        Changes changes = brand(tenant, input);
        input.check();
        if (!changes.isEmpty()) {
            audit.record(tenant.id(), "tenant.updated", "tenant", tenant.id(), tenant.label(), changes);
        }
        return tenant;
    }

    private static Changes brand(Tenant tenant, JsonInput input) {
        Changes changes = new Changes();
        String name = input.has("name") ? input.requiredString("name", NAME_MAX) : tenant.name();
        String icon = input.has("icon") ? input.string("icon", ICON_MAX) : tenant.icon();
        String theme = input.has("theme") ? input.string("theme", THEME_MAX) : tenant.theme();
        if (!input.valid()) {
            return changes;
        }
        changes.note("name", tenant.name(), name).note("icon", tenant.icon(), icon).note("theme", tenant.theme(), theme);
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
