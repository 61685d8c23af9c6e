package dev.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exact counts of long lists without counting them. Each change inserts a +1 or -1 row that takes effect at a
 * moment (table {@code counter_deltas}); rows may lie in the future, which is how a count follows a validity
 * window that opens or closes later. Writers only insert, so they never wait for one another.
 *
 * <p>A count is the counter's value settled up to a moment (table {@code counters}) plus the rows after that
 * moment up to now: one primary-key read and one short index range. {@link #settle} moves the settled moment
 * forward every few seconds. Rows are never deleted while a reader could still need them: a reader that saw
 * the previous settled moment sums the rows after it, and they are all still there. Rows settled more than an
 * hour ago are removed; they lie before every range a reader of that counter scans. Derby keeps the index pages
 * they emptied, and those pages lie just after the previous counter's rows in the index, so every counter ends
 * in a sentinel row at the end of time ({@link #SENTINEL}): a scan stops there instead of walking them.
 *
 * <p>Every row a writer inserts takes effect no earlier than the moment it is written, and settling only
 * reaches rows older than {@code roster.counters.settle-after-seconds} (10 by default); a write transaction open
 * for longer than that could insert a row the settled value misses, which is why Roster's transactions are short
 * (one API call each).
 */
@ApplicationScoped
public class Counters {

    /** Settled rows are kept this long after they were settled, for readers of an earlier settled moment. */
    static final long KEEP_SETTLED = 3600;
    /** Whatever took effect before this is simply "in the past". */
    public static final Instant PAST = Instant.parse("1900-01-01T00:00:00Z");

    /**
     * The statements that read a counter's rows by name. Each names the index: left to choose, Derby's optimizer
     * reads the correlated sum in {@link #SETTLE} by scanning the whole table (every counter's rows, future
     * ones included), which at a million users took about half a second of CPU per counter every few seconds,
     * while holding the counter's row against readers.
     */
    static final String BY_NAME = " --DERBY-PROPERTIES index=IX_COUNTER_DELTAS\n";
    static final String SETTLE = "UPDATE counters SET settled_value = settled_value + COALESCE("
            + "(SELECT SUM(d.delta) FROM counter_deltas d" + BY_NAME + " WHERE d.name = counters.name"
            + " AND d.effective_at > counters.settled_until AND d.effective_at <= ?), 0), settled_until = ?"
            + " WHERE name = ? AND settled_until < ?";
    static final String SETTLE_FIRST = "SELECT SUM(delta) FROM counter_deltas" + BY_NAME
            + " WHERE name = ? AND effective_at <= ?";
    /**
     * A counter's last row, at the end of time with delta 0: every scan of the counter's rows stops there rather
     * than walking on through the index pages the next counter's pruning emptied (see migration V9). Inserted
     * with the counter's first settled value.
     */
    static final String SENTINEL = "INSERT INTO counter_deltas (id, name, effective_at, delta)"
            + " VALUES (0, ?, ?, 0)";
    static final Timestamp END_OF_TIME = Timestamp.valueOf("9999-12-31 23:59:59");
    /** Derby takes no optimizer override in a DELETE; by the leading key column of the index it finds the range. */
    static final String PRUNE = "DELETE FROM counter_deltas WHERE name = ? AND effective_at <= ?";
    static final String SUM_SINCE = "SELECT SUM(delta) FROM counter_deltas" + BY_NAME
            + " WHERE name = ? AND effective_at > ? AND effective_at <= ?";
    static final String ANY_SINCE = "SELECT 1 FROM counter_deltas" + BY_NAME
            + " WHERE name = ? AND effective_at > ? AND effective_at <= ? FETCH FIRST 1 ROWS ONLY";
    static final String CHANGES_SINCE = "SELECT sort_key, delta FROM counter_deltas" + BY_NAME
            + " WHERE name = ? AND effective_at > ? AND effective_at <= ? FETCH FIRST ? ROWS ONLY";

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    /** Rows younger than this may belong to transactions still open: they are summed, never settled. */
    @Inject
    @ConfigProperty(name = "roster.counters.settle-after-seconds", defaultValue = "10")
    long settleAfter;

    private final Set<String> written = ConcurrentHashMap.newKeySet();

    /** Adds {@code delta} to the counter from {@code at} on (never earlier than now); part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String name, Instant at, long delta) {
        add(name, at, delta, null);
    }

    /**
     * Like {@link #add(String, Instant, long)}, for a counter of an ordered list: {@code key} is where in the list
     * the change happens (see {@link #changes}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String name, Instant at, long delta, String key) {
        if (delta == 0) {
            return;
        }
        Instant now = Clock.now();
        inserts.persist(new CounterDelta(name, at.isBefore(now) ? now : at, delta, key));
        written.add(name);
    }

    /**
     * The counter's rows that took effect after {@code after} up to {@code until}, summed by key; empty when there
     * are more than {@code limit} of them or one has no key. Rows are kept for an hour after they are settled, so
     * {@code after} must lie less than that in the past.
     */
    public Optional<NavigableMap<String, Long>> changes(String name, Instant after, Instant until, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CHANGES_SINCE)
                .setParameter(1, name).setParameter(2, Timestamp.from(after)).setParameter(3, Timestamp.from(until))
                .setParameter(4, limit + 1).getResultList();
        NavigableMap<String, Long> byKey = new TreeMap<>();
        for (Object[] row : rows) {
            if (row[0] == null) {
                return Optional.empty();
            }
            byKey.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum);
        }
        return rows.size() > limit ? Optional.empty() : Optional.of(byKey);
    }

    /** The counter's value now. */
    public long value(String name) {
        List<?> settled = em.createNativeQuery("SELECT settled_value, settled_until FROM counters WHERE name = ?")
                .setParameter(1, name).getResultList();
        long value = 0;
        Timestamp since = Timestamp.from(PAST.minusSeconds(1));
        if (!settled.isEmpty()) {
            Object[] row = (Object[]) settled.get(0);
            value = ((Number) row[0]).longValue();
            since = (Timestamp) row[1];
        }
        Object sum = em.createNativeQuery(SUM_SINCE)
                .setParameter(1, name).setParameter(2, since).setParameter(3, Timestamp.from(Clock.now()))
                .getSingleResult();
        return value + (sum == null ? 0 : ((Number) sum).longValue());
    }

    /** Whether any row of the counter took effect after {@code after} up to {@code until}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean changed(String name, Instant after, Instant until) {
        return !em.createNativeQuery(ANY_SINCE)
                .setParameter(1, name).setParameter(2, Timestamp.from(after)).setParameter(3, Timestamp.from(until))
                .getResultList().isEmpty();
    }

    /** The counters this instance added to since the last call: the ones worth settling soon. */
    public Set<String> recentlyWritten() {
        Set<String> names = new HashSet<>();
        for (Iterator<String> i = written.iterator(); i.hasNext(); ) {
            names.add(i.next());
            i.remove();
        }
        return names;
    }

    /** Every counter that has rows (a scan of the index; for the occasional full sweep). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> all() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT DISTINCT name FROM counter_deltas").getResultList();
        return names;
    }

    /** Seconds a row waits before it is settled: changes younger than this may still be uncommitted. */
    public long settleAfter() {
        return Math.max(1, settleAfter);
    }

    /**
     * Moves the counter's settled moment to {@link #settleAfter} seconds ago, adding the rows in between to its
     * settled value, in one statement (concurrent settlers of one counter wait for each other on its row).
     * With {@code prune}, also removes rows settled more than {@link #KEEP_SETTLED} ago.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(String name, boolean prune) {
        Instant until = Clock.now().minusSeconds(settleAfter());
        Timestamp cut = Timestamp.from(until);
        int updated = em.createNativeQuery(SETTLE)
                .setParameter(1, cut).setParameter(2, cut).setParameter(3, name).setParameter(4, cut).executeUpdate();
        if (updated == 0 && em.createNativeQuery("SELECT name FROM counters WHERE name = ?").setParameter(1, name)
                .getResultList().isEmpty()) {
            Object sum = em.createNativeQuery(SETTLE_FIRST)
                    .setParameter(1, name).setParameter(2, cut).getSingleResult();
            em.createNativeQuery("INSERT INTO counters (name, settled_value, settled_until) VALUES (?, ?, ?)")
                    .setParameter(1, name).setParameter(2, sum == null ? 0 : ((Number) sum).longValue())
                    .setParameter(3, cut).executeUpdate(); // a concurrent first settle fails on the key and rolls back
            em.createNativeQuery(SENTINEL).setParameter(1, name).setParameter(2, END_OF_TIME).executeUpdate();
        }
        if (prune) {
            em.createNativeQuery(PRUNE).setParameter(1, name)
                    .setParameter(2, Timestamp.from(until.minusSeconds(KEEP_SETTLED))).executeUpdate();
        }
    }
}
