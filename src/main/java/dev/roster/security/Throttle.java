package dev.roster.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing against one account. Failures are counted per account name, whether or not the
 * account exists (so the answer tells nothing); after {@link #FREE_FAILURES} failures within
 * {@link #WINDOW} the account is refused (429) for 1 s, then 2 s, 4 s, … up to {@link #MAX_LOCK}, and never
 * longer: a real user is slowed, not locked out for good. A success clears the count.
 *
 * <p>Counts are kept per instance: behind a load balancer each instance slows an attacker on its own, which
 * weakens the limit by the number of instances but never refuses a correct login for longer than the lock.
 */
@ApplicationScoped
public class Throttle {

    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 100_000;

    private record Count(int failures, Instant last, Instant lockedUntil) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Seconds until the account may try again, or 0. */
    public long lockedFor(String account) {
        Count count = counts.get(account);
        if (count == null || count.lockedUntil() == null) {
            return 0;
        }
        long millis = Duration.between(Instant.now(), count.lockedUntil()).toMillis();
        return millis <= 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }

    public void failed(String account) {
        Instant now = Instant.now();
        if (counts.size() >= MAX_TRACKED) {
            counts.values().removeIf(c -> c.last().plus(WINDOW).isBefore(now));
        }
        counts.compute(account, (key, count) -> {
            int failures = count == null || count.last().plus(WINDOW).isBefore(now) ? 1 : count.failures() + 1;
            Instant lockedUntil = null;
            if (failures > FREE_FAILURES) {
                long seconds = 1L << Math.min(failures - FREE_FAILURES - 1, 20);
                lockedUntil = now.plus(Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds())));
            }
            return new Count(failures, now, lockedUntil);
        });
    }

    public void succeeded(String account) {
        counts.remove(account);
    }

    /** The key an account is counted under. */
    public static String account(String tenantLabel, String username) {
        return (tenantLabel == null ? "" : tenantLabel.toLowerCase()) + "/" + username.toLowerCase();
    }
}
