package dev.roster.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Every {@code roster.counters.settle-every-seconds} (5 by default) settles the counters this instance wrote to
 * (see {@link Counters}); every 120th run all counters, also those other instances wrote and left, and prunes rows
 * settled long ago. The metric {@code roster_counters_settled_until_seconds} is the moment (epoch seconds) the
 * last run settled the counters up to: now minus that is how far behind the settled values are.
 */
@ApplicationScoped
public class CounterSettlement {

    private static final Logger LOG = Logger.getLogger(CounterSettlement.class.getName());
    static final int FULL_SWEEP_EVERY = 120;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Counters counters;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "roster.counters.settle-every-seconds", defaultValue = "5")
    long period;

    private ScheduledFuture<?> task;
    private int runs;
    private volatile long settledUntil;

    public void start() {
        metrics.gauge(Metadata.builder().withName("roster.counters.settled-until").withUnit(MetricUnits.SECONDS)
                .withDescription("The moment (epoch seconds) the last settling run settled the counters up to")
                .build(), () -> settledUntil);
        long every = Math.max(1, period);
        task = scheduler.scheduleWithFixedDelay(this::settleAll, every, every, TimeUnit.SECONDS);
    }

    void settleAll() {
        try {
            boolean sweep = runs++ % FULL_SWEEP_EVERY == 0;
            Set<String> names = counters.recentlyWritten();
            if (sweep) {
                names.addAll(counters.all());
            }
            Instant cut = Clock.now().minusSeconds(counters.settleAfter());
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
            settledUntil = cut.getEpochSecond();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settling the counters failed; it runs again in " + period + " s", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
