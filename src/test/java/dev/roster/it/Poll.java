package dev.roster.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition with a deadline, instead of sleeping for a fixed time: the wait ends as soon as the
 * condition holds, and fails with the condition's last complaint when the deadline passes.
 */
public final class Poll {

    private Poll() {
    }

    /** Runs {@code assertions} until they pass, at most for {@code deadline}; then rethrows their last failure. */
    public static void until(Duration deadline, Runnable assertions) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                assertions.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > end) {
                    throw notYet;
                }
            }
            pause();
        }
    }

    /** Waits until {@code condition} holds, at most for {@code deadline}; fails with {@code what} after that. */
    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        until(deadline, () -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
