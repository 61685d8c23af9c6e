package dev.roster.domain.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.domain.entity.DomainMapping;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Conflict;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A tenant's domain mappings, and which tenant a host name serves. */
@ApplicationScoped
public class DomainMappings {

    /** A fully qualified domain name: two or more labels of letters, digits and inner hyphens. */
    static final Pattern FQDN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public Page<DomainMapping> list(PageRequest page) {
        String tenant = caller.tenant().id();
        long total = em.createNamedQuery(DomainMapping.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
        return Page.of(em.createNamedQuery(DomainMapping.OF_TENANT, DomainMapping.class).setParameter("tenant", tenant)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page, total);
    }

    /** All of a tenant's mappings, for {@code details} (a tenant has a handful). */
    public List<DomainMapping> ofTenant(String tenantId) {
        return em.createNamedQuery(DomainMapping.OF_TENANT, DomainMapping.class).setParameter("tenant", tenantId)
                .setMaxResults(1000).getResultList();
    }

    @Transactional
    public DomainMapping create(MappingCommand command) {
        Checks checks = new Checks().required("domain", command.domain()).maxLength("domain", command.domain(), 253);
        String domain = command.domain().isSet() ? normalized(command.domain().value()) : null;
        if (checks.valid() && !FQDN.matcher(domain).matches()) {
            checks.fail("domain", "must be a fully qualified domain name such as cooori.example.com");
        }
        brandChecks(checks, command);
        checks.done();
        DomainMapping mapping = new DomainMapping(caller.tenant().id(), domain);
        Changes changes = configure(mapping, command);
        if (byDomain(domain).isPresent()) {
            throw Conflict.notUnique("the domain " + domain + " is already mapped on this platform");
        }
        em.persist(mapping);
        em.flush();
        audit.record(mapping.tenantId(), "domain.mapped", "domain", mapping.id(), domain, changes);
        return mapping;
    }

    /** Replaces icon, theme and window of one of the tenant's mappings. */
    @Transactional
    public DomainMapping update(String domain, MappingCommand command) {
        DomainMapping mapping = own(domain);
        Checks checks = new Checks();
        if (checks.readable("domain", command.domain()) && command.domain().present()
                && !mapping.domain().equals(lower(command.domain().value()))) {
            checks.fail("domain", "cannot change; map the new domain and delete this one");
        }
        brandChecks(checks, command);
        checks.done();
        Changes changes = configure(mapping, command);
        if (!changes.isEmpty()) {
            audit.record(mapping.tenantId(), "domain.changed", "domain", mapping.id(), mapping.domain(), changes);
        }
        return mapping;
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

    private static void brandChecks(Checks checks, MappingCommand command) {
        checks.maxLength("icon", command.icon(), 2048).maxLength("theme", command.theme(), 200);
    }

    private static Changes configure(DomainMapping mapping, MappingCommand command) {
        String icon = command.icon().value();
        String theme = command.theme().value();
        Instant from = command.activeFrom();
        Instant until = command.activeUntil();
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

    private static String normalized(String domain) {
        return lower(domain.strip()).replaceFirst("\\.$", "");
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
