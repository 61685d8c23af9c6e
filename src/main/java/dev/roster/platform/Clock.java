package dev.roster.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Roster's notion of now: millisecond precision, the precision the database keeps. */
public final class Clock {
    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
