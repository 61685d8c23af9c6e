package dev.roster.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations, run at start-up before anything touches the schema.
 *
 * <p>The scripts are listed, in order, in {@code db/migration/index.txt}; each is named
 * {@code V<n>__<description>.sql} and holds statements separated by {@code ;} on the end of a line.
 * A database records what it has applied in {@code roster_schema_history} with a checksum, so a data
 * folder written by an older Roster is brought forward by a newer one, and a script changed after it
 * was applied stops the start instead of silently diverging. Scripts use SQL that Derby and PostgreSQL
 * both accept; where one database needs its own statement, a comment line {@code --@derby} or
 * {@code --@postgresql} right before a statement makes it that database's only ({@link Database}). The
 * checksum covers the statements a database runs, so a variant added for one database leaves the other's
 * checksum as it was. Each script runs in one transaction holding an exclusive lock on the history table, so
 * instances starting together apply it once (the others wait for the lock, then find it applied).
 */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    static final String HISTORY = "roster_schema_history";

    private final Function<String, InputStream> resources;

    /** @param resources opens a resource below {@code db/migration/} by file name, or returns null */
    public Migrations(Function<String, InputStream> resources) {
        this.resources = resources;
    }

    public static Migrations fromClasspath() {
        ClassLoader loader = Migrations.class.getClassLoader();
        return new Migrations(name -> loader.getResourceAsStream("db/migration/" + name));
    }

    /** Applies every script the database has not seen yet; returns the versions it applied. */
    public List<Integer> migrate(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            ensureHistoryTable(connection);
            List<Integer> applied = new ArrayList<>();
            for (Script script : scripts(Database.of(connection))) {
                if (apply(connection, script)) {
                    applied.add(script.version());
                }
            }
            return applied;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    List<Script> scripts(Database database) {
        String index = read("index.txt");
        List<Script> scripts = new ArrayList<>();
        int previous = 0;
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("migration " + name + " is not named V<n>__<description>.sql");
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version <= previous) {
                throw new IllegalStateException("migration " + name + " is out of order in index.txt");
            }
            previous = version;
            List<String> statements = statements(read(name), database);
            scripts.add(new Script(version, matcher.group(2).replace('_', ' '), statements, checksum(statements)));
        }
        return scripts;
    }

    private boolean apply(Connection connection, Script script) throws SQLException {
        try {
            lockHistory(connection);
            Map.Entry<Integer, String> recorded = recorded(connection, script.version());
            if (recorded != null) {
                connection.commit();
                if (!recorded.getValue().equals(script.checksum())) {
                    throw new IllegalStateException("migration V" + script.version()
                            + " was changed after it was applied to this database (checksum "
                            + recorded.getValue() + ", now " + script.checksum() + ")");
                }
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY
                    + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, script.version());
                insert.setString(2, script.description());
                insert.setString(3, script.checksum());
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
            LOG.fine(() -> "Applied schema migration V" + script.version() + " (" + script.description() + ")");
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void ensureHistoryTable(Connection connection) throws SQLException {
        if (!tableExists(connection, HISTORY)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + HISTORY + " (version INTEGER NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                        + "applied_at TIMESTAMP NOT NULL)");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!tableExists(connection, HISTORY)) { // another instance may have just created it
                    throw e;
                }
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase()}) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void lockHistory(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + HISTORY + " IN EXCLUSIVE MODE");
        }
    }

    private static Map.Entry<Integer, String> recorded(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT checksum FROM " + HISTORY + " WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Map.entry(version, row.getString(1)) : null;
            }
        }
    }

    /**
     * The statements of a script that a database runs: split on semicolons that end a line, {@code --} comment
     * lines dropped, and a statement marked for another database ({@code --@derby}, {@code --@postgresql} on the
     * line before it) left out.
     */
    static List<String> statements(String sql, Database database) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Database only = null;
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--@") && current.isEmpty()) {
                only = Database.named(trimmed.substring(3).strip());
                if (only == null) {
                    throw new IllegalStateException("unknown database in migration marker " + trimmed);
                }
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                if (only == null || only == database) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                only = null;
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank() && (only == null || only == database)) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private String read(String name) {
        try (InputStream in = resources.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("migration resource db/migration/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(List<String> statements) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", statements).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Script(int version, String description, List<String> statements, String checksum) {
    }
}
