package dev.roster.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Derby's embedded data source pointed at {@code <data dir>/db}, created on first use; Derby's own log goes
 * to {@code <data dir>/derby.log}. Commits are durable (Derby syncs its log on commit by default).
 *
 * <p>Only one process may open the database. When Roster restarts while its predecessor is still exiting,
 * Derby refuses the folder (SQLState XSDB6); this waits up to {@link #LOCK_WAIT_MILLIS} for it to be released
 * instead of failing the start.
 */
public class EmbeddedDerby extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EmbeddedDerby.class.getName());
    static final long LOCK_WAIT_MILLIS = 30_000;

    public EmbeddedDerby() {
        var dir = DataDir.path();
        if (System.getProperty("derby.stream.error.file") == null) {
            dir.toFile().mkdirs();
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        setDatabaseName(dir.resolve("db").toString());
        setCreateDatabase("create");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return waitingForTheFolder(super::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return waitingForTheFolder(() -> super.getConnection(user, password));
    }

    private interface Open {
        Connection open() throws SQLException;
    }

    private Connection waitingForTheFolder(Open open) throws SQLException {
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        boolean logged = false;
        while (true) {
            try {
                return open.open();
            } catch (SQLException e) {
                if (!heldByAnotherProcess(e) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                if (!logged) {
                    LOG.warning("The database " + getDatabaseName() + " is held by another process; waiting up to "
                            + LOCK_WAIT_MILLIS / 1000 + " s for it to be released");
                    logged = true;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean heldByAnotherProcess(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("XSDB6".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
