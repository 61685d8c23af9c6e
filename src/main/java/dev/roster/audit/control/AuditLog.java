package dev.roster.audit.control;

import dev.roster.audit.entity.AuditEvent;
import dev.roster.caller.Caller;
import dev.roster.platform.Clock;
import dev.roster.platform.Counters;
import dev.roster.platform.CriteriaSql;
import dev.roster.platform.Inserts;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/** Writes audit events inside the caller's transaction, and pages a tenant's events. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    @Inject
    Caller caller;

    @Inject
    RequestId requestId;

    @Inject
    Counters counters;

    /** The counter of a tenant's events (the platform's own when the tenant is null), as migration V6 names it. */
    static String counter(String tenantId) {
        return "events:" + (tenantId == null ? "platform" : tenantId);
    }

    /** The moment of this instance's last event: events of one instance never share a moment. */
    /** Actions an operator watching the log must see as they happen, besides the audit trail. */
    static final Set<String> LOGGED = Set.of("tenant.suspended", "tenant.reactivated", "apikey.revoked",
            "apikey.rotated", "user.deprovisioned");
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    /**
     * Records a change; must run in the transaction of the change itself. Its moment is later than every earlier
     * event of this instance, so the events of one request (a revocation, then the de-provisioning it is part of)
     * read back newest first in the order they happened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String tenantId, String action, String targetType, String targetId, String target,
                       Changes changes) {
        Instant clock = Clock.now();
        // both databases keep microseconds: a burst of events (a bulk create writes thousands in a second) moves
        // this clock on by microseconds, where a step of a millisecond put events and their count seconds ahead
        Instant now = last.updateAndGet(previous -> clock.isAfter(previous) ? clock
                : previous.plus(1, ChronoUnit.MICROS));
        inserts.persist(new AuditEvent(tenantId, now, caller.id(), caller.name(), action, targetType, targetId,
                target, requestId.value(), changes == null || changes.isEmpty() ? null : changes.toJson()));
        counters.add(counter(tenantId), now, 1);
        if (LOGGED.contains(action)) {
            LOG.info(() -> action + " " + targetType + " '" + target + "' by '" + caller.name() + "'; request "
                    + requestId.value());
        }
    }

    /**
     * What a reader of the audit trail narrows it to: an action or the start of one ({@code user.} for every user
     * event), the actor's and the target's name exactly, and a window of time; each null for any.
     */
    public record Filter(String action, String actor, String target, Instant from, Instant until) {

        public static final int MAX = 256;

        public boolean none() {
            return action == null && actor == null && target == null && from == null && until == null;
        }
    }

    /**
     * The tenant's events that meet {@code filter}, newest first: one range of {@code ix_audit_events_recent}
     * (within the window, when it has one), the other conditions checked on the way. The total of the whole trail is
     * its counter; a filtered total is counted, unless the page shows it.
     */
    public Page<AuditEvent> ofTenant(String tenantId, PageRequest page, Filter filter) {
        if (filter.none()) {
            return ofTenant(tenantId, page);
        }
        StringBuilder where = new StringBuilder(" FROM AuditEvent e WHERE e.tenantId = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        if (filter.action() != null) {
            where.append(" AND e.action LIKE :action ESCAPE '\\'");
            parameters.put("action", CriteriaSql.escape(filter.action()) + (filter.action().endsWith(".") ? "%" : ""));
        }
        if (filter.actor() != null) {
            where.append(" AND e.actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.target() != null) {
            where.append(" AND e.target = :target");
            parameters.put("target", filter.target());
        }
        if (filter.from() != null) {
            where.append(" AND e.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.until() != null) {
            where.append(" AND e.occurredAt < :until");
            parameters.put("until", filter.until());
        }
        TypedQuery<AuditEvent> rows = em.createQuery("SELECT e" + where + " ORDER BY e.occurredAt DESC, e.id DESC",
                AuditEvent.class);
        parameters.forEach(rows::setParameter);
        List<AuditEvent> events = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total;
        if (events.size() < page.size() && (!events.isEmpty() || page.offset() == 0)) {
            total = page.offset() + events.size();
        } else {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e)" + where, Long.class);
            parameters.forEach(count::setParameter);
            total = count.getSingleResult();
        }
        return Page.of(events, page, total);
    }

    public Page<AuditEvent> ofTenant(String tenantId, PageRequest page) {
        long total = counters.value(counter(tenantId));
        var events = em.createNamedQuery(AuditEvent.OF_TENANT, AuditEvent.class).setParameter("tenant", tenantId)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(events, page, total);
    }
}
