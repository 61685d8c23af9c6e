package dev.roster.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of Roster's rows: UUIDs of RFC 9562's version 7, whose leading 48 bits are the millisecond they were made
 * in. Rows made together lie together in every index keyed by an id (a user's privileges, memberships and
 * invitations are keyed by the user's id): a burst of inserts appends to the right edge of each index, where the
 * pages it needs are in the database's cache, instead of touching a random page per row. With random (version 4)
 * ids, creating 10,000 users through Kore.ai's API on Derby read and wrote back an index page per row once the
 * indexes outgrew Derby's page cache (docs/benchmarks.md, issue 16, session 12).
 *
 * <p>An id is an identifier, not a secret: it shows when the row was made, and 62 of its bits are random. What
 * must not be guessed (invitation tokens, API key secrets) has its own random value. The 12 bits after the version
 * count up within a millisecond, so the ids of one instance come in the order they were made.
 */
public final class Ids {

    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    /** A new id, in the usual 36-character form. */
    public static String next() {
        long millisAndCount = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << 12));
        long high = (millisAndCount >>> 12) << 16 | 0x7000L | (millisAndCount & 0xfffL);
        long low = ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
