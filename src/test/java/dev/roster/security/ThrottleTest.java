package dev.roster.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void fiveFailuresAreFreeThenTheLockDoublesUpToFifteenMinutes() {
        Throttle throttle = new Throttle();
        String account = Throttle.account("Acme", "Alice");
        for (int i = 0; i < 5; i++) {
            throttle.failed(account);
        }
        assertEquals(0, throttle.lockedFor(account));
        throttle.failed(account);
        assertEquals(1, throttle.lockedFor(account));
        throttle.failed(account);
        assertEquals(2, throttle.lockedFor(account));
        for (int i = 0; i < 40; i++) {
            throttle.failed(account);
        }
        long locked = throttle.lockedFor(account);
        assertTrue(locked > 850 && locked <= 900, "capped at 15 minutes, was " + locked);
    }

    @Test
    void aSuccessClearsTheCountAndAccountsAreCaseInsensitive() {
        Throttle throttle = new Throttle();
        for (int i = 0; i < 6; i++) {
            throttle.failed(Throttle.account("acme", "alice"));
        }
        assertEquals(0, throttle.clientLockedFor(), "no request, no client");
        assertTrue(throttle.lockedFor(Throttle.account("ACME", "ALICE")) > 0);
        assertEquals(0, throttle.lockedFor(Throttle.account("acme", "bob")));
        throttle.succeeded(Throttle.account("acme", "alice"));
        assertEquals(0, throttle.lockedFor(Throttle.account("acme", "alice")));
    }
}
