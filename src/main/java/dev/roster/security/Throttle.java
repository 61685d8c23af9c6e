package dev.roster.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows credential guessing, against one account and from one client.
 *
 * <p>Failed password checks are counted per account name, whether or not the account exists (so the answer
 * tells nothing); failed password, API key and client secret checks are also counted per client address.
 * Past the free failures within {@link #WINDOW} (5 for an account, {@code roster.throttle.client-failures}
 * for a client, default 100) the account or client is refused (429 with {@code Retry-After}) for 1 s, then
 * 2 s, 4 s, … up to {@link #MAX_LOCK} and never longer: a real user is slowed, not locked out for good. A
 * successful sign-in clears its account's count; a client's count only ages out.
 *
 * <p>The client address is the TCP peer, or the first address of {@code roster.http.client-address-header}
 * (such as X-Forwarded-For) when Roster runs behind a proxy that sets it. Counts are kept per instance:
 * behind a load balancer each instance slows an attacker on its own.
 */
@ApplicationScoped
public class Throttle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 100_000;

    @Inject
    @ConfigProperty(name = "roster.throttle.client-failures", defaultValue = "100")
    int clientFreeFailures = 100;

    @Inject
    @ConfigProperty(name = "roster.http.client-address-header")
    Optional<String> clientAddressHeader = Optional.empty();

    @Inject
    HttpServletRequest request;

    private record Count(int failures, Instant last, Instant lockedUntil) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Seconds until this account may try again from this client, or 0. */
    public long lockedFor(String account) {
        return Math.max(locked("account:" + account), locked(clientKey()));
    }

    /** Seconds until this client may present credentials again, or 0. */
    public long clientLockedFor() {
        return locked(clientKey());
    }

    public void failed(String account) {
        fail("account:" + account, ACCOUNT_FREE_FAILURES);
        clientFailed();
    }

    /** A failed credential that names no account (an API key or client secret). */
    public void clientFailed() {
        if (clientFreeFailures > 0) {
            fail(clientKey(), clientFreeFailures);
        }
    }

    public void succeeded(String account) {
        counts.remove("account:" + account);
    }

    /** The key an account is counted under. */
    public static String account(String tenantLabel, String username) {
        return (tenantLabel == null ? "" : tenantLabel.toLowerCase()) + "/" + username.toLowerCase();
    }

    private long locked(String key) {
        Count count = key == null ? null : counts.get(key);
        if (count == null || count.lockedUntil() == null) {
            return 0;
        }
        long millis = Duration.between(Instant.now(), count.lockedUntil()).toMillis();
        return millis <= 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }

    private void fail(String key, int free) {
        if (key == null) {
            return;
        }
        Instant now = Instant.now();
        if (counts.size() >= MAX_TRACKED) {
            counts.values().removeIf(c -> c.last().plus(WINDOW).isBefore(now));
        }
        counts.compute(key, (k, count) -> {
            int failures = count == null || count.last().plus(WINDOW).isBefore(now) ? 1 : count.failures() + 1;
            Instant lockedUntil = null;
            if (failures > free) {
                long seconds = 1L << Math.min(failures - free - 1, 20);
                lockedUntil = now.plus(Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds())));
            }
            return new Count(failures, now, lockedUntil);
        });
    }

    private String clientKey() {
        if (clientFreeFailures <= 0 || request == null) {
            return null;
        }
        try {
            String address = clientAddressHeader.map(request::getHeader).map(h -> h.split(",")[0].strip())
                    .filter(a -> !a.isEmpty()).orElse(request.getRemoteAddr());
            return address == null ? null : "client:" + address;
        } catch (IllegalStateException outsideARequest) {
            return null;
        }
    }
}
