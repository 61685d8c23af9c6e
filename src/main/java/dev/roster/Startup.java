package dev.roster;

import dev.roster.idempotency.control.IdempotencyRecords;
import dev.roster.job.control.JobRunner;
import dev.roster.mail.control.MailSender;
import dev.roster.operations.LogFormat;
import dev.roster.operations.PoolMetrics;
import dev.roster.operator.Bootstrap;
import dev.roster.platform.ConnectionPool;
import dev.roster.platform.CounterSettlement;
import dev.roster.platform.DataDir;
import dev.roster.platform.Migrations;
import dev.roster.platform.Races;
import dev.roster.platform.RosterDataSource;
import dev.roster.security.SharedKeys;
import dev.roster.user.control.ListingAnchors;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: bring the schema forward, check that this instance holds the same keys as the others on the
 * database ({@link SharedKeys}), make sure a platform operator exists, start settling the counters, walking the
 * lists whose deep pages were asked for, and sending the e-mail outbox. A failure here fails the deployment, so a
 * Roster that cannot reach or migrate its database never reports ready; on Payara Micro, whose only application Roster is, the process then
 * exits (status 1) rather than live on answering 404 behind a load balancer.
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

    @Inject
    MailSender mailSender;

    @Inject
    JobRunner jobRunner;

    @Inject
    IdempotencyRecords idempotencyRecords;

    @Inject
    ListingAnchors listingAnchors;

    @Inject
    PoolMetrics poolMetrics;

    /** Payara's MP-JWT store logs a stack trace at INFO for every malformed or forged token it refuses. */
    private static final Logger JWT_STORE = Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    /**
     * Payara's transaction manager logs, at WARNING with a stack trace of about a hundred lines, every commit that
     * fails in {@code beforeCompletion}: that is where a lost race (a stale version, a unique value taken by a
     * concurrent request) surfaces. Roster answers those 409 and logs each in one line (ProblemMapper); this
     * filter drops only those records from the transaction manager's log, and keeps every other.
     */
    private static final Logger TRANSACTIONS =
            Logger.getLogger("javax.enterprise.resource.jta.com.sun.enterprise.transaction");

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            start();
        } catch (RuntimeException e) {
            if (httpPort().isPresent()) {
                LOG.severe("Roster cannot start, and Payara Micro exits: " + e.getMessage());
                Thread exit = new Thread(() -> System.exit(1), "exit after a failed start");
                exit.start();
            }
            throw e;
        }
    }

    private void start() {
        LogFormat.apply(DataDir.setting(LogFormat.KEY));
        JWT_STORE.setLevel(Level.WARNING); // a refused token is answered 401; it is not worth a trace per request
        TRANSACTIONS.setFilter(record -> !Races.lost(record.getThrown()));
        String database;
        try (Connection connection = dataSource.getConnection()) {
            var applied = Migrations.fromClasspath().migrate(connection);
            LOG.info(() -> applied.isEmpty() ? "Schema is up to date" : "Schema migrated: " + applied);
            SharedKeys.agree(connection);
            ConnectionPool.apply(ConnectionPool.configured());
            DatabaseMetaData meta = connection.getMetaData();
            // (PostgreSQL's driver lists every connection property after a '?': the address is enough)
            database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + meta.getURL().replaceFirst("\\?.*", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the database schema: " + e.getMessage(), e);
        }
        try {
            bootstrap.ensureOperator();
        } catch (RuntimeException e) {
            if (!Races.duplicate(e)) {
                throw e;
            }
            LOG.info("The platform operator was created by another instance starting at the same moment");
        }
        counterSettlement.start();
        mailSender.start();
        jobRunner.start();
        idempotencyRecords.start();
        listingAnchors.start();
        poolMetrics.register();
        LOG.info("Roster " + version() + " started" + httpPort().map(port -> " on port " + port).orElse("")
                + "; data folder " + DataDir.path().toAbsolutePath() + "; database " + database);
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = Startup.class.getResourceAsStream("/roster-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "no version", e);
        }
        return properties.getProperty("version", "(unknown version)");
    }

    /** The HTTP port, when Roster runs on Payara Micro (whose API says it); empty on another server. */
    private static Optional<Integer> httpPort() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro", true,
                    Thread.currentThread().getContextClassLoader());
            Object instance = micro.getMethod("getInstance").invoke(null);
            return Optional.of((Integer) micro.getMethod("getHttpPort").invoke(instance)).filter(port -> port > 0);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notMicro) {
            return Optional.empty();
        }
    }
}
