package dev.roster.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database Roster's pool opens connections to ({@link RosterDataSource}): embedded Derby under the data folder
 * ({@link EmbeddedDerby}) unless {@code roster.db.url} names a PostgreSQL database, with {@code roster.db.user} and
 * {@code roster.db.password}. Read from system properties and the environment ({@link DataDir#setting}), because
 * Payara builds the pool before the application's configuration exists. Each PostgreSQL connection names itself
 * {@code roster} to the server ({@code application_name}), so an operator can tell Roster's sessions apart in
 * {@code pg_stat_activity}.
 */
public class RosterDatabase implements DataSource {

    public static final String URL = "roster.db.url";

    /** Whether Roster runs on PostgreSQL (else on embedded Derby), for the few statements each does its own way. */
    public static boolean postgresql() {
        String url = DataDir.setting(URL);
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    private final DataSource target;

    public RosterDatabase() {
        String url = DataDir.setting(URL);
        if (url == null || url.isBlank()) {
            target = new EmbeddedDerby();
        } else if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            String user = DataDir.setting("roster.db.user");
            if (user != null && !user.isBlank()) {
                postgres.setUser(user);
            }
            String password = DataDir.setting("roster.db.password");
            if (password != null) {
                postgres.setPassword(password);
            }
            if (postgres.getApplicationName() == null || postgres.getApplicationName().startsWith("PostgreSQL JDBC")) {
                postgres.setApplicationName("roster");
            }
            postgres.setReWriteBatchedInserts(true); // a batch of inserts travels as one multi-row statement
            target = postgres;
        } else {
            throw new IllegalStateException(URL + " must be a jdbc:postgresql:// URL, or unset for embedded Derby; it is "
                    + url.replaceAll("(?i)password=[^&;]*", "password=…"));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
