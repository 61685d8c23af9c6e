package dev.roster.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lock arithmetic; the counts themselves are in the database, and CredentialsIT and MultiInstanceIT drive them. */
class ThrottleTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theFreeFailuresLockNothingThenTheLockDoublesUpToFifteenMinutes() {
        assertNull(Throttle.lockedUntil(5, 5, NOW));
        assertEquals(NOW.plusSeconds(1), Throttle.lockedUntil(6, 5, NOW));
        assertEquals(NOW.plusSeconds(2), Throttle.lockedUntil(7, 5, NOW));
        assertEquals(NOW.plusSeconds(512), Throttle.lockedUntil(15, 5, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), Throttle.lockedUntil(16, 5, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), Throttle.lockedUntil(5_000, 5, NOW));
    }

    @Test
    void accountsAreCountedRegardlessOfCase() {
        assertEquals(Throttle.account("acme", "alice"), Throttle.account("ACME", "Alice"));
        assertEquals("/admin", Throttle.account(null, "Admin"));
    }
}
