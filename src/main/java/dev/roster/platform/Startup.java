package dev.roster.platform;

import dev.roster.operator.Bootstrap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: bring the schema forward, make sure a platform operator exists, start settling the
 * counters. A failure here fails the deployment, so a Roster that cannot reach or migrate its database never
 * reports ready.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = RosterDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Bootstrap bootstrap;

    @Inject
    CounterSettlement counterSettlement;

    /** Payara's MP-JWT store logs a stack trace at INFO for every malformed or forged token it refuses. */
    private static final Logger JWT_STORE = Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    /**
     * Payara's transaction manager logs, at WARNING with a stack trace of about a hundred lines, every commit that
     * fails in {@code beforeCompletion}: that is where a lost race (a stale version, a unique value taken by a
     * concurrent request) surfaces. Roster answers those 409 and logs each in one line (ProblemMapper); this
     * filter drops only those records from the transaction manager's log, and keeps every other.
     */
    private static final Logger TRANSACTIONS = Logger.getLogger("javax.enterprise.resource.jta.com.sun.enterprise.transaction");

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        JWT_STORE.setLevel(Level.WARNING); // a refused token is answered 401; it is not worth a trace per request
        TRANSACTIONS.setFilter(record -> !Races.lost(record.getThrown()));
        try (Connection connection = dataSource.getConnection()) {
            var applied = Migrations.fromClasspath().migrate(connection);
            LOG.info(() -> applied.isEmpty() ? "Schema is up to date" : "Schema migrated: " + applied);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the database schema: " + e.getMessage(), e);
        }
        bootstrap.ensureOperator();
        counterSettlement.start();
    }
}
