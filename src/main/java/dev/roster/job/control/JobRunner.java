package dev.roster.job.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the open jobs of every tenant, one chunk at a time on one thread of this instance, so single requests keep
 * their speed while a job runs. Polls every second, and at once when a job is submitted here. A chunk is claimed with a
 * lease ({@code roster.jobs.lease}): several instances share the chunks of one job, and when one dies its chunk is
 * taken over once the lease runs out.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Jobs jobs;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ChunkRunner chunks;

    @Inject
    @ConfigProperty(name = "roster.jobs.lease", defaultValue = "PT60S")
    Duration lease;

    /** This instance, as its leases name it. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean draining = new AtomicBoolean();
    private ScheduledFuture<?> task;

    public void start() {
        LOG.info("Bulk jobs: this instance claims their chunks as " + instance + " (lease " + lease + ")");
        task = scheduler.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Looks for work as soon as a job was submitted: at once, or when the transaction the caller is in commits (a
     * request with an {@code Idempotency-Key} runs in one), since a job is claimable only once it is committed.
     */
    public void wake() {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        scheduler.execute(JobRunner.this::drain);
                    }
                }
            });
        } else {
            scheduler.execute(this::drain);
        }
    }

    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Optional<Jobs.Claimed> claimed = jobs.claim(instance, lease); claimed.isPresent();
                 claimed = jobs.claim(instance, lease)) {
                chunks.run(claimed.get(), instance, lease);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "applying a job's chunk failed; it is tried again when its lease runs out", e);
        } finally {
            draining.set(false);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
