package dev.roster.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Folds the settled rows of the counters this instance wrote every few seconds, and of all counters every ten
 * minutes, so that reading a count stays one short range.
 */
@ApplicationScoped
public class CounterCompaction {

    private static final Logger LOG = Logger.getLogger(CounterCompaction.class.getName());
    static final long PERIOD_SECONDS = 5;
    /** Every ten minutes, all counters; otherwise those this instance wrote to. */
    static final int FULL_SWEEP_EVERY = 120;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Counters counters;

    private ScheduledFuture<?> task;
    private int runs;

    void start() {
        task = scheduler.scheduleWithFixedDelay(this::compactAll, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    void compactAll() {
        try {
            Set<String> names = counters.recentlyWritten();
            if (++runs % FULL_SWEEP_EVERY == 1) {
                names.addAll(counters.compactable()); // also what other instances wrote and left behind
            }
            for (String name : names) {
                try {
                    counters.compact(name);
                } catch (RuntimeException e) {
                    if (!moved(e)) {
                        throw e;
                    }
                    LOG.log(Level.FINE, "counter not compacted this time", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "counter compaction failed; it runs again in " + PERIOD_SECONDS + " s", e);
        }
    }

    private static boolean moved(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Counters.Moved) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
