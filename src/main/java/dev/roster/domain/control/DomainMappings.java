package dev.roster.domain.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.domain.boundary.DomainMappingView;
import dev.roster.domain.entity.DomainMapping;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Window;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A tenant's domain mappings, and which tenant a host name serves. */
@ApplicationScoped
public class DomainMappings {

    /** A fully qualified domain name: two or more labels of letters, digits and inner hyphens. */
    static final Pattern FQDN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final Set<String> FIELDS = Set.of("domain", "icon", "theme", "activeFrom", "activeUntil");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public Page<DomainMappingView> list(PageRequest page) {
        String tenant = caller.tenant().id();
        long total = em.createNamedQuery(DomainMapping.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
        return Page.of(em.createNamedQuery(DomainMapping.OF_TENANT, DomainMapping.class).setParameter("tenant", tenant)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream().map(DomainMappingView::from)
                .toList(), page, total);
    }

    /** All of a tenant's mappings, for {@code details} (a tenant has a handful). */
    public List<DomainMappingView> ofTenant(String tenantId) {
        return em.createNamedQuery(DomainMapping.OF_TENANT, DomainMapping.class).setParameter("tenant", tenantId)
                .setMaxResults(1000).getResultStream().map(DomainMappingView::from).toList();
    }

    @Transactional
    public DomainMappingView create(JsonObject body) {
        JsonInput input = JsonInput.of(body);
        String domain = normalized(input, input.requiredString("domain", 253));
        DomainMapping mapping = new DomainMapping(caller.tenant().id(), domain);
        Changes changes = configure(mapping, input);
        if (byDomain(domain).isPresent()) {
            throw Conflict.notUnique("the domain " + domain + " is already mapped on this platform");
        }
        em.persist(mapping);
        em.flush();
        audit.record(mapping.tenantId(), "domain.mapped", "domain", mapping.id(), domain, changes);
        return DomainMappingView.from(mapping);
    }

    /** Replaces icon, theme and window of one of the tenant's mappings. */
    @Transactional
    public DomainMappingView update(String domain, JsonObject body) {
        DomainMapping mapping = own(domain);
        JsonInput input = JsonInput.of(body);
        if (input.has("domain") && !mapping.domain().equals(lower(input.string("domain", 253)))) {
            input.fail("domain", "cannot change; map the new domain and delete this one");
        }
        Changes changes = configure(mapping, input);
        if (!changes.isEmpty()) {
            audit.record(mapping.tenantId(), "domain.changed", "domain", mapping.id(), mapping.domain(), changes);
        }
        return DomainMappingView.from(mapping);
    }

    @Transactional
    public void delete(String domain) {
        DomainMapping mapping = own(domain);
        em.remove(mapping);
        audit.record(mapping.tenantId(), "domain.unmapped", "domain", mapping.id(), mapping.domain(), null);
    }

    /** The mapping a request's {@code Host} names, if it is active now; IP addresses and bare names are never mapped. */
    public Optional<DomainMapping> active(String host, Instant now) {
        if (host == null) {
            return Optional.empty();
        }
        String name = lower(host.strip().replaceFirst(":\\d+$", "").replaceFirst("\\.$", ""));
        if (name.indexOf('.') < 0 || !FQDN.matcher(name).matches()) {
            return Optional.empty();
        }
        return byDomain(name).filter(m -> m.effectiveAt(now));
    }

    private Changes configure(DomainMapping mapping, JsonInput input) {
        for (String field : input.fields()) {
            if (!FIELDS.contains(field)) {
                input.fail(field, "is not a field of a domain mapping; fields are domain, icon, theme, activeFrom, "
                        + "activeUntil");
            }
        }
        String icon = input.string("icon", 2048);
        String theme = input.string("theme", 200);
        Window window = Window.read(input, Window.open());
        input.check();
        Instant from = window.activeFrom();
        Instant until = window.activeUntil();
        Changes changes = new Changes().note("icon", mapping.icon(), icon).note("theme", mapping.theme(), theme)
                .note("activeFrom", mapping.activeFrom(), from).note("activeUntil", mapping.activeUntil(), until);
        mapping.configure(icon, theme, from, until);
        return changes;
    }

    private DomainMapping own(String domain) {
        return byDomain(lower(domain)).filter(m -> m.tenantId().equals(caller.tenant().id()))
                .orElseThrow(() -> new NotFound("this tenant has no domain mapping " + domain));
    }

    private Optional<DomainMapping> byDomain(String domain) {
        return em.createNamedQuery(DomainMapping.BY_DOMAIN, DomainMapping.class).setParameter("domain", domain)
                .getResultStream().findFirst();
    }

    private static String normalized(JsonInput input, String domain) {
        if (domain == null) {
            input.check();
            return null;
        }
        String name = lower(domain.strip()).replaceFirst("\\.$", "");
        if (!FQDN.matcher(name).matches()) {
            throw new InvalidInput("domain", "must be a fully qualified domain name such as cooori.example.com");
        }
        return name;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
