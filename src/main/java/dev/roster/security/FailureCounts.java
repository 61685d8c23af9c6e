package dev.roster.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The failed-credential counts of {@link Throttle}, in the database ({@code credential_failures}), so that every
 * instance sharing it counts the same failures and honours the same locks. Each failure is one short transaction of
 * its own that holds the subject's row while it counts; reading a lock is one primary-key probe.
 */
@ApplicationScoped
public class FailureCounts {

    @PersistenceContext
    EntityManager em;

    /** What is recorded of a subject: whether it has failures on record, and when its lock ends (or null). */
    public record Record(boolean failures, Instant lockedUntil) {
        static final Record CLEAN = new Record(false, null);
    }

    /** The subject's record, in one key probe. */
    public Record of(String subject) {
        List<?> rows = em.createNativeQuery("SELECT locked_until FROM credential_failures WHERE subject = ?")
                .setParameter(1, subject).getResultList();
        return rows.isEmpty() ? Record.CLEAN
                : new Record(true, rows.get(0) == null ? null : ((Timestamp) rows.get(0)).toInstant());
    }

    /**
     * Counts a failure of the subject at {@code now}, in its own transaction, and answers when its lock ends (null
     * while the failures are free). A concurrent first failure of the same subject on another instance makes the
     * insert fail on the key; the caller counts again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant count(String subject, int free, Instant now) {
        Timestamp at = Timestamp.from(now);
        int updated = em.createNativeQuery("UPDATE credential_failures SET failures = CASE WHEN last_failed_at < ?"
                        + " THEN 1 ELSE failures + 1 END, last_failed_at = ? WHERE subject = ?")
                .setParameter(1, Timestamp.from(now.minus(Throttle.WINDOW))).setParameter(2, at).setParameter(3, subject)
                .executeUpdate();
        int failures = 1;
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO credential_failures (subject, failures, last_failed_at) VALUES (?, 1, ?)")
                    .setParameter(1, subject).setParameter(2, at).executeUpdate();
            if (ThreadLocalRandom.current().nextInt(100) == 0) { // now and then, forget what has aged out
                em.createNativeQuery("DELETE FROM credential_failures WHERE last_failed_at < ?"
                                + " AND (locked_until IS NULL OR locked_until < ?)")
                        .setParameter(1, Timestamp.from(now.minus(Throttle.WINDOW))).setParameter(2, at).executeUpdate();
            }
        } else {
            failures = ((Number) em.createNativeQuery("SELECT failures FROM credential_failures WHERE subject = ?")
                    .setParameter(1, subject).getSingleResult()).intValue();
        }
        Instant lockedUntil = Throttle.lockedUntil(failures, free, now);
        if (lockedUntil != null) {
            em.createNativeQuery("UPDATE credential_failures SET locked_until = ? WHERE subject = ?")
                    .setParameter(1, Timestamp.from(lockedUntil)).setParameter(2, subject).executeUpdate();
        }
        return lockedUntil;
    }

    /** Forgets the subject's failures (a successful sign-in). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clear(String subject) {
        em.createNativeQuery("DELETE FROM credential_failures WHERE subject = ?").setParameter(1, subject).executeUpdate();
    }
}
