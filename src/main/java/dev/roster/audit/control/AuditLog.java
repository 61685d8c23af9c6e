package dev.roster.audit.control;

import dev.roster.audit.entity.AuditEvent;
import dev.roster.caller.Caller;
import dev.roster.platform.Clock;
import dev.roster.platform.Counters;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/** Writes audit events inside the caller's transaction, and pages a tenant's events. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

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
        em.persist(new AuditEvent(tenantId, now, caller.id(), caller.name(), action, targetType, targetId,
                target, requestId.value(), changes == null || changes.isEmpty() ? null : changes.toJson()));
        counters.add(counter(tenantId), now, 1);
        if (LOGGED.contains(action)) {
            LOG.info(() -> action + " " + targetType + " '" + target + "' by '" + caller.name() + "'; request "
                    + requestId.value());
        }
    }

    public Page<AuditEvent> ofTenant(String tenantId, PageRequest page) {
        long total = counters.value(counter(tenantId));
        var events = em.createNamedQuery(AuditEvent.OF_TENANT, AuditEvent.class).setParameter("tenant", tenantId)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(events, page, total);
    }
}
