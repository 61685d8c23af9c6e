package dev.roster.problem;

import java.util.Map;

/** 429: too many failed attempts; {@link #retryAfterSeconds()} says when to try again. */
public final class TooManyRequests extends RosterException {

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super(429, "too-many-attempts", "Too many attempts", "too many failed sign-in attempts for this account or "
                + "from this client; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
