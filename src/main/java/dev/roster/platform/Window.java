package dev.roster.platform;

import java.time.Instant;

/**
 * A validity window, {@code activeFrom} (inclusive) to {@code activeUntil} (exclusive), either end open when
 * null. Privileges, API keys, domain mappings and service endpoints all have one, with the same rules.
 */
public record Window(Instant activeFrom, Instant activeUntil) {

    /** Whether an instant lies inside the window given by its two ends. */
    public static boolean contains(Instant activeFrom, Instant activeUntil, Instant now) {
        return (activeFrom == null || !activeFrom.isAfter(now)) && (activeUntil == null || activeUntil.isAfter(now));
    }

    /**
     * Reads {@code activeFrom} and {@code activeUntil} from a body, falling back to {@code current} for a field
     * the body leaves out (pass an empty window to read both as absent-means-open), and reports a window that
     * ends before it starts against {@code activeUntil}.
     */
    public static Window read(JsonInput in, Window current) {
        Instant from = in.has("activeFrom") ? in.instant("activeFrom") : current.activeFrom();
        Instant until = in.has("activeUntil") ? in.instant("activeUntil") : current.activeUntil();
        if (from != null && until != null && !until.isAfter(from)) {
            in.fail("activeUntil", "must be later than activeFrom");
        }
        return new Window(from, until);
    }

    /** A window open at both ends. */
    public static Window open() {
        return new Window(null, null);
    }
}
