package dev.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact counts of long lists without counting them: each change inserts a +1 or -1 row that takes effect at
 * a moment (table {@code counter_deltas}), and a count is the sum of a counter's rows effective now, one short
 * index range. Writers only insert, so they never wait for one another; rows may lie in the future, which is
 * how a count follows a validity window that opens or closes later. {@link #compact} folds the rows of the
 * past into one row per counter, so the range stays short.
 *
 * <p>Every row a writer inserts takes effect no earlier than the moment it is written; compaction only touches
 * rows older than {@link #SETTLED}, and gives up (to try again later) if it would delete a row it did not sum.
 */
@ApplicationScoped
public class Counters {

    /** Rows older than this are folded; younger ones may belong to transactions still open. */
    static final long SETTLED = 10;
    /** Whatever took effect before this is simply "in the past". */
    public static final Instant PAST = Instant.parse("1900-01-01T00:00:00Z");

    @PersistenceContext
    EntityManager em;

    private final Set<String> written = ConcurrentHashMap.newKeySet();

    /** Adds {@code delta} to the counter from {@code at} on (never earlier than now); part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String name, Instant at, long delta) {
        if (delta == 0) {
            return;
        }
        Instant now = Clock.now();
        em.persist(new CounterDelta(name, at.isBefore(now) ? now : at, delta));
        written.add(name);
    }

    /** The counter's value now. */
    public long value(String name) {
        Object sum = em.createNativeQuery("SELECT SUM(delta) FROM counter_deltas"
                        + " --DERBY-PROPERTIES index=IX_COUNTER_DELTAS\n WHERE name = ? AND effective_at <= ?")
                .setParameter(1, name).setParameter(2, Timestamp.from(Clock.now())).getSingleResult();
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    /** The counters this instance added to since the last call: the ones worth folding soon. */
    public Set<String> recentlyWritten() {
        Set<String> names = new HashSet<>();
        for (Iterator<String> i = written.iterator(); i.hasNext(); ) {
            names.add(i.next());
            i.remove();
        }
        return names;
    }

    /** Every counter that has more than one row of the settled past (a scan; for the occasional full sweep). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> compactable() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT name FROM counter_deltas WHERE effective_at <= ? "
                        + "GROUP BY name HAVING COUNT(*) > 1")
                .setParameter(1, Timestamp.from(Clock.now().minusSeconds(SETTLED))).getResultList();
        return names;
    }

    /**
     * Folds the counter's settled rows into one row in the past. Returns false, changing nothing, when another
     * instance folded them first or a row arrived meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean compact(String name) {
        Timestamp cut = Timestamp.from(Clock.now().minusSeconds(SETTLED));
        Object[] summed = (Object[]) em.createNativeQuery("SELECT COUNT(*), SUM(delta) FROM counter_deltas"
                + " --DERBY-PROPERTIES index=IX_COUNTER_DELTAS\n WHERE name = ? AND effective_at <= ?").setParameter(1, name).setParameter(2, cut).getSingleResult();
        long rows = ((Number) summed[0]).longValue();
        if (rows < 2) {
            return false;
        }
        int deleted = em.createNativeQuery("DELETE FROM counter_deltas WHERE name = ? AND effective_at <= ?")
                .setParameter(1, name).setParameter(2, cut).executeUpdate();
        if (deleted != rows) {
            throw new Moved(name);
        }
        em.persist(new CounterDelta(name, PAST, ((Number) summed[1]).longValue()));
        return true;
    }

    /** Another instance, or a late writer, touched the rows being folded; the fold is rolled back and retried later. */
    static final class Moved extends RuntimeException {
        Moved(String name) {
            super("counter " + name + " changed while it was compacted", null, false, false);
        }
    }
}
