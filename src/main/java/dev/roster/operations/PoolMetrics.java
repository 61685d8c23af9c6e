package dev.roster.operations;

import dev.roster.platform.ConnectionPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Roster's own connection pool on {@code /metrics}: {@code roster_db_pool_connections{state="used"|"free"}} and
 * {@code roster_db_pool_max_connections}, read from Payara's pool at each scrape ({@link ConnectionPool#usage}).
 * Payara's default metrics show only its own (unused) H2 pool.
 */
@ApplicationScoped
public class PoolMetrics {

    @Inject
    MetricRegistry metrics;

    /** Registers the gauges; called once at start-up. */
    public void register() {
        Metadata connections = Metadata.builder().withName("roster.db.pool.connections")
                .withDescription("Connections of Roster's database pool, by state: in use by a request, or free").build();
        metrics.gauge(connections, this, self -> read(ConnectionPool.Usage::used), new Tag("state", "used"));
        metrics.gauge(connections, this, self -> read(ConnectionPool.Usage::free), new Tag("state", "free"));
        metrics.gauge(Metadata.builder().withName("roster.db.pool.max-connections")
                .withDescription("The most connections Roster's pool may hold (roster.db.pool-size)").build(),
                this, self -> read(ConnectionPool.Usage::max));
    }

    private static double read(ToIntFunction<ConnectionPool.Usage> value) {
        return ConnectionPool.usage().map(value::applyAsInt).orElse(-1);
    }
}
