package dev.roster.user.control;

import dev.roster.platform.Clock;
import dev.roster.platform.Counters;
import dev.roster.user.entity.Interval;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each user's place in the tenant's active list: a user is listed while it is ACTIVE and any of its
 * privileges (scoped or not) is effective, that is in the union of their windows, which may be several separate
 * intervals. The current or next interval is stored on the user ({@code listed_from}, {@code listed_until}) so
 * the list is one indexed range; when it ends and another follows, {@link #catchUp} stores the next before the list
 * is read. The tenant's count of listed users follows every interval through {@link Counters}, including those
 * that open or close later without anyone writing.
 *
 * <p>Every change of a user's privileges or status ends in {@link #update}, called by the privilege control for
 * every grant, change and revocation, and by the user control for every change of status. It reads the privileges'
 * windows itself (by the entity's name: the privilege feature depends on this one, not the other way round), unless
 * the caller hands them over.
 */
@ApplicationScoped
public class Listing {

    private static final Logger LOG = Logger.getLogger(Listing.class.getName());

    @Inject
    Counters counters;

    @Inject
    Relisting relisting;

    @PersistenceContext
    EntityManager em;

    static String counter(String tenantId) {
        return "listed-users:" + tenantId;
    }

    /** How many users of the tenant are listed now. */
    public long count(String tenantId) {
        return counters.value(counter(tenantId));
    }

    /**
     * Brings the user's listing in line with its status and the privileges it holds now, read here: whatever changed
     * a user's status or privileges calls this (or {@link #update(User, List)}) before its transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(User user) {
        update(user, em.createQuery("SELECT p.activeFrom, p.activeUntil FROM Privilege p WHERE p.user.id = :user",
                Object[].class).setParameter("user", user.id()).getResultStream()
                .map(row -> new Interval((Instant) row[0], (Instant) row[1])).toList());
    }

    /**
     * Brings the user's listing in line with its status and the windows of the privileges it now holds (each
     * {@code [activeFrom, activeUntil)}, null ends open), when the caller knows them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(User user, List<Interval> privilegeWindows) {
        Instant now = Clock.now();
        List<Interval> after = user.status() == UserStatus.ACTIVE ? Interval.union(privilegeWindows.stream()
                .map(w -> new Interval(w.from() == null ? Counters.PAST : w.from(),
                        w.until() == null ? User.NEVER : w.until()))
                .filter(i -> i.until().isAfter(now)).toList()) : List.of();
        List<Interval> before = user.listedWindows();
        if (after.equals(before.stream().filter(i -> i.until().isAfter(now)).toList())) {
            return;
        }
        String counter = counter(user.tenantId());
        before.forEach(i -> count(counter, user.usernameLc(), i, -1, now));
        after.forEach(i -> count(counter, user.usernameLc(), i, 1, now));
        user.list(after, now);
    }

    /**
     * Stores the next listing interval of every user of the tenant whose stored one has ended; a list is read only
     * after this. Nothing to do but one index probe unless a user holds privileges in separate windows.
     */
    public void catchUp(String tenantId) {
        Instant now = Clock.now();
        if (em.createNamedQuery(User.TO_RELIST, User.class).setParameter("tenant", tenantId)
                .setParameter("now", now).setMaxResults(1).getResultList().isEmpty()) {
            return; // the usual case: one index probe, and no transaction of its own (a tenth of a list's time)
        }
        try {
            relisting.relist(tenantId, now);
        } catch (RuntimeException e) { // another request or instance did it first; its result is the same
            LOG.log(Level.FINE, "relisting in tenant " + tenantId + " raced another", e);
        }
    }

    /** Stores the next listing interval of the users whose stored one has ended. */
    @ApplicationScoped
    static class Relisting {

        @PersistenceContext
        EntityManager em;

        /** In a transaction of its own (also on a background thread), committed before the list is read. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void relist(String tenantId, Instant now) {
            for (User user : em.createNamedQuery(User.TO_RELIST, User.class).setParameter("tenant", tenantId)
                    .setParameter("now", now).setMaxResults(1000).getResultList()) {
                user.list(user.listedWindows(), now);
            }
        }
    }

    /** Adds (or with -1 takes away) an interval's contribution from now on, at the user's place in the list. */
    private void count(String counter, String key, Interval interval, int sign, Instant now) {
        Instant opens = interval.from().isBefore(now) ? now : interval.from();
        if (!opens.isBefore(interval.until())) {
            return; // closed already
        }
        counters.add(counter, opens, sign, key);
        if (interval.until().isBefore(User.NEVER)) {
            counters.add(counter, interval.until(), -sign, key);
        }
    }
}
