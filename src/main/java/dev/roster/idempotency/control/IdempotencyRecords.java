package dev.roster.idempotency.control;

import dev.roster.idempotency.entity.IdempotencyRecord;
import dev.roster.platform.Clock;
import dev.roster.platform.Races;
import dev.roster.problem.Conflict;
import dev.roster.problem.UnprocessableContent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header), in the database so every instance sees them.
 * The first request with a key claims it (RUNNING) before it runs; its answer is stored in the request's own
 * transaction (COMPLETED), so the answer is there exactly when the request's changes are, and it is replayed to a
 * retry with the same fingerprint. A claim still RUNNING after {@link IdempotencyRecord#ABANDONED} belongs to a
 * request whose instance died before it committed: a retry runs it again. Records are kept
 * {@code roster.idempotency.retention} (24 hours by default), then purged.
 */
@ApplicationScoped
public class IdempotencyRecords {

    private static final Logger LOG = Logger.getLogger(IdempotencyRecords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Claims claims;

    @Inject
    @ConfigProperty(name = "roster.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /** Purges expired records every ten minutes. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
    }

    void purge() {
        try {
            claims.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "purging expired Idempotency-Key records failed; tried again in ten minutes", e);
        }
    }

    /**
     * Claims {@code key} for a request of {@code fingerprint}: empty when this request is the first (it runs), the
     * stored record when it is a retry of a completed one (its answer is replayed). A retry of one still running is a
     * 409, the same key for another request a 422.
     */
    public Optional<IdempotencyRecord> claim(IdempotencyRecord.Key key, String fingerprint) {
        try {
            return claims.claim(key, fingerprint, retention);
        } catch (RuntimeException e) {
            if (!Races.duplicate(e)) {
                throw e;
            }
            return claims.claim(key, fingerprint, retention); // a retry sent at the same moment claimed it first
        }
    }

    /** Stores the answer in a transaction of its own (the request's rolled back, or changed nothing). */
    public void complete(IdempotencyRecord.Key key, int status, String headers, String body) {
        claims.complete(key, status, headers, body);
    }

    /** Stores the answer in the request's own transaction, so it commits together with the request's changes. */
    public void completeWithin(IdempotencyRecord.Key key, int status, String headers, String body) {
        claims.completeWithin(key, status, headers, body);
    }

    /** Forgets a claim whose request failed without an answer worth replaying (a 5xx): a retry runs again. */
    public void release(IdempotencyRecord.Key key) {
        claims.release(key);
    }

    /** The transactions. */
    @ApplicationScoped
    public static class Claims {

        @PersistenceContext
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public Optional<IdempotencyRecord> claim(IdempotencyRecord.Key key, String fingerprint, Duration retention) {
            IdempotencyRecord known = em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (known != null && (known.expired() || known.abandoned())) {
                em.remove(known);
                em.flush();
                known = null;
            }
            if (known == null) {
                em.persist(new IdempotencyRecord(key, fingerprint, retention));
                em.flush();
                return Optional.empty();
            }
            if (!known.fingerprint().equals(fingerprint)) {
                throw new UnprocessableContent("the Idempotency-Key '" + key.key() + "' was used for another request "
                        + "(another method, path or body) at " + known.createdAt() + "; send a new key");
            }
            if (known.state() == IdempotencyRecord.State.RUNNING) {
                throw new Conflict("the request with this Idempotency-Key, sent at " + known.createdAt()
                        + ", is still being processed; retry when it has ended");
            }
            return Optional.of(known);
        }

        @Transactional(Transactional.TxType.MANDATORY)
        public void completeWithin(IdempotencyRecord.Key key, int status, String headers, String body) {
            complete(key, status, headers, body);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void complete(IdempotencyRecord.Key key, int status, String headers, String body) {
            IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
            if (record != null) {
                record.completed(status, headers, body);
            }
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void release(IdempotencyRecord.Key key) {
            IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
            if (record != null && record.state() == IdempotencyRecord.State.RUNNING) {
                em.remove(record);
            }
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void purge() {
            int purged = em.createNamedQuery(IdempotencyRecord.EXPIRED).setParameter("now", Clock.now())
                    .executeUpdate();
            if (purged > 0) {
                LOG.fine(() -> purged + " expired Idempotency-Key records purged");
            }
        }
    }
}
