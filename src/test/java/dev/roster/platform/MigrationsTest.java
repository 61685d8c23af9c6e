package dev.roster.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration runner against a real (in-memory) Derby database. */
class MigrationsTest {

    Connection connection;
    String name;

    @BeforeEach
    void open() throws SQLException {
        name = "migrations-" + UUID.randomUUID();
        connection = DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        try {
            DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true");
        } catch (SQLException dropped) {
            // Derby reports a successful drop as an exception (08006)
        }
    }

    @Test
    void rostersOwnScriptsApplyToAnEmptyDatabaseOnce() throws SQLException {
        Migrations migrations = Migrations.fromClasspath();
        List<Integer> listed = migrations.scripts().stream().map(Migrations.Script::version).toList();
        assertEquals(1, listed.get(0));
        assertEquals(listed, migrations.migrate(connection));
        assertEquals(List.of(), migrations.migrate(connection));
        for (String table : new String[] {"TENANTS", "OPERATORS", "USERS", "USER_PRIVILEGES", "AUDIT_EVENTS", "API_KEYS"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
                assertTrue(tables.next(), table);
            }
        }
    }

    @Test
    void aDatabaseOfAnOlderVersionIsBroughtForward() throws SQLException {
        Map<String, String> files = new HashMap<>();
        files.put("index.txt", "V1__first.sql\n");
        files.put("V1__first.sql", "CREATE TABLE things (id INTEGER NOT NULL PRIMARY KEY);\n");
        assertEquals(List.of(1), migrations(files).migrate(connection));
        files.put("index.txt", "V1__first.sql\nV2__second.sql\n");
        files.put("V2__second.sql", "-- add a column\nALTER TABLE things ADD COLUMN label VARCHAR(20);\n"
                + "INSERT INTO things (id, label) VALUES (1, 'one;two');\n");
        assertEquals(List.of(2), migrations(files).migrate(connection));
        try (ResultSet row = connection.createStatement().executeQuery("SELECT label FROM things")) {
            assertTrue(row.next());
            assertEquals("one;two", row.getString(1));
        }
    }

    @Test
    void aScriptChangedAfterItWasAppliedStopsTheStart() throws SQLException {
        Map<String, String> files = new HashMap<>();
        files.put("index.txt", "V1__first.sql\n");
        files.put("V1__first.sql", "CREATE TABLE things (id INTEGER NOT NULL PRIMARY KEY);\n");
        migrations(files).migrate(connection);
        files.put("V1__first.sql", "CREATE TABLE things (id BIGINT NOT NULL PRIMARY KEY);\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> migrations(files).migrate(connection));
        assertTrue(refused.getMessage().contains("changed after it was applied"));
    }

    @Test
    void aFailingScriptLeavesNoTraceAndIsRetriedNextTime() throws SQLException {
        Map<String, String> files = new HashMap<>();
        files.put("index.txt", "V1__broken.sql\n");
        files.put("V1__broken.sql", "CREATE TABLE good (id INTEGER);\nCREATE TABLE bad (id NOSUCHTYPE);\n");
        assertThrows(SQLException.class, () -> migrations(files).migrate(connection));
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "GOOD", null)) {
            assertTrue(!tables.next(), "the script rolled back whole");
        }
        files.put("V1__broken.sql", "CREATE TABLE good (id INTEGER);\n");
        assertEquals(List.of(1), migrations(files).migrate(connection));
    }

    @Test
    void scriptsOutOfOrderAreRefused() {
        Map<String, String> files = Map.of("index.txt", "V2__b.sql\nV1__a.sql\n", "V1__a.sql", "", "V2__b.sql", "");
        assertThrows(IllegalStateException.class, () -> migrations(files).migrate(connection));
    }

    private static Migrations migrations(Map<String, String> files) {
        return new Migrations(file -> {
            String text = files.get(file);
            return text == null ? null : (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
    }
}
