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
 * Every few seconds settles the counters this instance wrote to (see {@link Counters}); every ten minutes all
 * counters, also those other instances wrote and left, and prunes rows settled long ago.
 */
@ApplicationScoped
public class CounterSettlement {

    private static final Logger LOG = Logger.getLogger(CounterSettlement.class.getName());
    static final long PERIOD_SECONDS = 5;
    static final int FULL_SWEEP_EVERY = 120;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Counters counters;

    private ScheduledFuture<?> task;
    private int runs;

    void start() {
        task = scheduler.scheduleWithFixedDelay(this::settleAll, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    void settleAll() {
        try {
            boolean sweep = runs++ % FULL_SWEEP_EVERY == 0;
            Set<String> names = counters.recentlyWritten();
            if (sweep) {
                names.addAll(counters.all());
            }
            for (String name : names) {
                try {
                    counters.settle(name, sweep);
                } catch (RuntimeException e) {
                    if (!Races.duplicate(e)) {
                        throw e;
                    }
                    LOG.log(Level.FINE, "another instance settled the counter first", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settling the counters failed; it runs again in " + PERIOD_SECONDS + " s", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
