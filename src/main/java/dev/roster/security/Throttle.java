package dev.roster.security;

import dev.roster.platform.Races;
import dev.roster.platform.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
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
 * (such as X-Forwarded-For) when Roster runs behind a proxy that sets it.
 *
 * <p>Counts and locks live in the database ({@link FailureCounts}), so every instance sharing it counts every
 * failure and honours every lock. An account's lock is read on each password check (beside a deliberately slow
 * hash, one key probe costs nothing). A client's lock is checked on every API key as well, the hot path of
 * integrations: an instance that found a client unlocked trusts that for up to {@link #CLIENT_RECHECK} (and
 * forgets it at once when the client fails here), so a lock set through another instance takes effect here within
 * that second.
 */
@ApplicationScoped
public class Throttle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration CLIENT_RECHECK = Duration.ofSeconds(1);
    static final int MAX_REMEMBERED = 10_000;
    static final int MAX_SUBJECT = 300;

    @Inject
    @ConfigProperty(name = "roster.throttle.client-failures", defaultValue = "100")
    int clientFreeFailures = 100;

    @Inject
    @ConfigProperty(name = "roster.http.client-address-header")
    Optional<String> clientAddressHeader = Optional.empty();

    @Inject
    HttpServletRequest request;

    @Inject
    FailureCounts counts;

    @Inject
    RequestId requestId;

    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());

    /** Clients this instance found unlocked, until when it trusts that. */
    private final Map<String, Instant> unlockedUntil = new ConcurrentHashMap<>();

    /** An account's standing before a password check: its failures on record, and how long it must still wait. */
    public record Standing(String account, boolean failures, long lockedFor) {
    }

    /** The account's standing, from this client (a locked client locks every account it tries). */
    public Standing standing(String account) {
        FailureCounts.Record record = counts.of(account(account));
        return new Standing(account, record.failures(), Math.max(seconds(record.lockedUntil()), clientLockedFor()));
    }

    /** Seconds until this client may present credentials again, or 0. */
    public long clientLockedFor() {
        String client = clientKey();
        if (client == null) {
            return 0;
        }
        Instant now = Instant.now();
        Instant trusted = unlockedUntil.get(client);
        if (trusted != null && now.isBefore(trusted)) {
            return 0;
        }
        long seconds = seconds(counts.of(client).lockedUntil());
        if (seconds == 0) {
            if (unlockedUntil.size() >= MAX_REMEMBERED) {
                unlockedUntil.clear();
            }
            unlockedUntil.put(client, now.plus(CLIENT_RECHECK));
        }
        return seconds;
    }

    public void failed(String account) {
        LOG.info(() -> "Failed sign-in for account '" + account + "'; request " + requestId.value());
        fail(account(account), ACCOUNT_FREE_FAILURES);
        clientFailed();
    }

    /** A failed credential that names no account (an API key or client secret). */
    public void clientFailed() {
        String client = clientKey();
        if (client != null) {
            unlockedUntil.remove(client);
            fail(client, clientFreeFailures);
        }
    }

    /** A successful sign-in forgets the account's failures (when it had any: most sign-ins write nothing). */
    public void succeeded(Standing standing) {
        if (standing.failures()) {
            counts.clear(account(standing.account()));
        }
    }

    /** The key an account is counted under. */
    public static String account(String tenantLabel, String username) {
        return (tenantLabel == null ? "" : tenantLabel.toLowerCase()) + "/" + username.toLowerCase();
    }

    /**
     * When a subject with this many failures within {@link #WINDOW}, the last at {@code now}, may try again: null
     * while the failures are free, then 1 s, 2 s, 4 s, … after the last one, never more than {@link #MAX_LOCK}.
     */
    static Instant lockedUntil(int failures, int free, Instant now) {
        if (failures <= free) {
            return null;
        }
        long seconds = 1L << Math.min(failures - free - 1, 20);
        return now.plus(Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds())));
    }

    private static long seconds(Instant lockedUntil) {
        if (lockedUntil == null) {
            return 0;
        }
        long millis = Duration.between(Instant.now(), lockedUntil).toMillis();
        return millis <= 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }

    private void fail(String subject, int free) {
        Instant now = Instant.now();
        Instant lockedUntil;
        try {
            lockedUntil = counts.count(subject, free, now);
        } catch (RuntimeException e) {
            if (!Races.duplicate(e)) {
                throw e;
            }
            lockedUntil = counts.count(subject, free, now); // another instance counted its first failure just now
        }
        if (lockedUntil != null) {
            long seconds = Duration.between(now, lockedUntil).toSeconds();
            LOG.warning(() -> "Locked " + subject + " for " + seconds + " s after too many failed credentials; request "
                    + requestId.value());
        }
    }

    private static String account(String account) {
        return truncated("account:" + account);
    }

    private static String truncated(String subject) {
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }

    private String clientKey() {
        if (clientFreeFailures <= 0 || request == null) {
            return null;
        }
        try {
            String address = clientAddressHeader.map(request::getHeader).map(h -> h.split(",")[0].strip())
                    .filter(a -> !a.isEmpty()).orElse(request.getRemoteAddr());
            return address == null ? null : truncated("client:" + address);
        } catch (IllegalStateException outsideARequest) {
            return null;
        }
    }
}
