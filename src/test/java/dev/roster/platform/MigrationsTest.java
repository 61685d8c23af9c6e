package dev.roster.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration runner against a real (in-memory) Derby database. */
class MigrationsTest {

    MemoryDerby database;
    Connection connection;

    @BeforeEach
    void open() throws SQLException {
        database = new MemoryDerby("migrations");
        connection = database.connection;
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void rostersOwnScriptsApplyToAnEmptyDatabaseOnce() throws SQLException {
        Migrations migrations = Migrations.fromClasspath();
        List<Integer> listed = migrations.scripts(Database.DERBY).stream().map(Migrations.Script::version).toList();
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
    void aStatementMarkedForOneDatabaseRunsOnlyThereAndChecksumsAreKeptPerDatabase() {
        String script = "CREATE TABLE both_dbs (id INTEGER);\n--@derby\nINSERT INTO both_dbs VALUES (1);\n"
                + "-- an ordinary comment\n--@postgresql\nINSERT INTO both_dbs\n  VALUES (2);\nDROP TABLE both_dbs;\n";
        assertEquals(List.of("CREATE TABLE both_dbs (id INTEGER)", "INSERT INTO both_dbs VALUES (1)", "DROP TABLE both_dbs"),
                Migrations.statements(script, Database.DERBY));
        assertEquals(List.of("CREATE TABLE both_dbs (id INTEGER)", "INSERT INTO both_dbs\nVALUES (2)", "DROP TABLE both_dbs"),
                Migrations.statements(script, Database.POSTGRESQL));
        assertThrows(IllegalStateException.class, () -> Migrations.statements("--@oracle\nSELECT 1;\n", Database.DERBY));
    }

    @Test
    void addingAPostgresqlVariantToAShippedScriptKeepsDerbysChecksum() {
        // V9 as Derby databases recorded it before its PostgreSQL variant was added (roster_schema_history)
        Migrations.Script v9 = Migrations.fromClasspath().scripts(Database.DERBY).stream()
                .filter(script -> script.version() == 9).findFirst().orElseThrow();
        assertEquals("d247676e7d53e4dbfa2e43956da503681400d38f48390f70771cc1a5eda497cd", v9.checksum());
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

    @Test
    void v6ListsTheActiveUsersOfAnExistingDatabaseAndCountsThemAndTheEvents() throws SQLException {
        String upToV5 = "V1__core.sql\nV2__api_keys.sql\nV3__domain_mappings.sql\nV4__service_endpoints.sql\n"
                + "V5__tenant_services.sql\n";
        assertEquals(List.of(1, 2, 3, 4, 5), shipped(upToV5).migrate(connection));
        String t = "00000000-0000-0000-0000-00000000000t";
        execute("INSERT INTO tenants VALUES ('" + t + "', 'acme', 'Acme', NULL, NULL, TRUE, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 1)");
        user(t, "open", "ACTIVE", "'2020-01-01 00:00:00'", null);
        user(t, "noend", "ACTIVE", null, null);
        user(t, "ended", "ACTIVE", "'2020-01-01 00:00:00'", "'2021-01-01 00:00:00'");
        user(t, "future", "ACTIVE", "'2999-01-01 00:00:00'", null);
        user(t, "closing", "ACTIVE", null, "'2999-01-01 00:00:00'");
        user(t, "suspended", "SUSPENDED", null, null);
        execute("INSERT INTO users (id, tenant_id, username, username_lc, email, email_lc, mgmt_path, status, created_at, "
                + "updated_at, version) VALUES ('u-none', '" + t + "', 'none', 'none', 'none@x.example', "
                + "'none@x.example', '/u-none/', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        execute("INSERT INTO audit_events (id, tenant_id, occurred_at, actor, action, target_type) VALUES ('e1', '" + t
                + "', CURRENT_TIMESTAMP, 'op', 'user.created', 'user')");

        assertEquals(List.of(6), shipped(upToV5 + "V6__listing_and_counters.sql\n").migrate(connection));
        assertEquals(3, single("SELECT COUNT(*) FROM users WHERE listed_from <= CURRENT_TIMESTAMP "
                + "AND listed_until > CURRENT_TIMESTAMP"), "open, noend and closing are listed now");
        assertEquals(3, single("SELECT SUM(delta) FROM counter_deltas WHERE name = 'listed-users:" + t + "' "
                + "AND effective_at <= CURRENT_TIMESTAMP"), "the counter agrees");
        assertEquals(3, single("SELECT SUM(delta) FROM counter_deltas WHERE name = 'listed-users:" + t + "' "
                + "AND effective_at <= TIMESTAMP('2999-06-01 00:00:00')"), "in 2999 'future' joins and 'closing' leaves");
        assertEquals(2, single("SELECT COUNT(*) FROM users WHERE listed_from = TIMESTAMP('9999-12-31 00:00:00')"),
                "the suspended user and the one without a privilege are never listed");
        assertEquals(1, single("SELECT SUM(delta) FROM counter_deltas WHERE name = 'events:" + t + "'"));
    }

    @Test
    void v9EndsEveryExistingCounterWithOneSentinelThatChangesNoSum() throws SQLException {
        String upToV8 = "V1__core.sql\nV2__api_keys.sql\nV3__domain_mappings.sql\nV4__service_endpoints.sql\n"
                + "V5__tenant_services.sql\nV6__listing_and_counters.sql\nV7__listing_anchors.sql\n"
                + "V8__drop_unused_email_index.sql\n";
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), shipped(upToV8).migrate(connection));
        execute("INSERT INTO counter_deltas (id, name, effective_at, delta) VALUES (1, 'events:a', CURRENT_TIMESTAMP, 1), "
                + "(2, 'events:a', CURRENT_TIMESTAMP, 1), (3, 'listed-users:a', TIMESTAMP('2999-01-01 00:00:00'), -1)");
        execute("INSERT INTO counters (name, settled_value, settled_until) VALUES ('events:a', 5, CURRENT_TIMESTAMP), "
                + "('events:settled-only', 7, CURRENT_TIMESTAMP)");

        assertEquals(List.of(9), shipped(upToV8 + "V9__counter_sentinels.sql\n").migrate(connection));
        for (String counter : new String[] {"events:a", "listed-users:a", "events:settled-only"}) {
            assertEquals(1, single("SELECT COUNT(*) FROM counter_deltas WHERE name = '" + counter
                    + "' AND effective_at = TIMESTAMP('9999-12-31 23:59:59') AND delta = 0"), counter);
        }
        assertEquals(3, single("SELECT COUNT(*) FROM counter_deltas WHERE effective_at < TIMESTAMP('9999-12-31 23:59:59')"));
        assertEquals(2, single("SELECT SUM(delta) FROM counter_deltas WHERE name = 'events:a'"));
        assertEquals(-1, single("SELECT SUM(delta) FROM counter_deltas WHERE name = 'listed-users:a'"));
    }

    @Test
    void v10KeysEachExistingPrivilegeByItsRoleAndNoScope() throws SQLException {
        String upToV9 = "V1__core.sql\nV2__api_keys.sql\nV3__domain_mappings.sql\nV4__service_endpoints.sql\n"
                + "V5__tenant_services.sql\nV6__listing_and_counters.sql\nV7__listing_anchors.sql\n"
                + "V8__drop_unused_email_index.sql\nV9__counter_sentinels.sql\n";
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), shipped(upToV9).migrate(connection));
        execute("INSERT INTO tenants (id, label, name, active, created_at, updated_at, version) VALUES ('t10', 't10', "
                + "'T', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        user("t10", "admin", "ACTIVE", "NULL", "NULL");
        execute("UPDATE user_privileges SET role = 'ADMINISTRATOR' WHERE id = 'p-admin'");

        assertEquals(List.of(10), shipped(upToV9 + "V10__roles_and_privileges.sql\n").migrate(connection));
        assertEquals(1, single("SELECT COUNT(*) FROM user_privileges WHERE slot = 'ADMINISTRATOR|' AND scope IS NULL"));
        assertEquals(1, single("SELECT COUNT(*) FROM users WHERE listed_windows IS NULL AND relist_at IS NULL"));
        execute("INSERT INTO tenant_roles (id, tenant_id, name, name_lc, weight, created_at, updated_at, version) "
                + "VALUES ('r1', 't10', 'Help Desk Agent', 'help desk agent', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        assertThrows(SQLException.class, () -> execute("INSERT INTO tenant_roles (id, tenant_id, name, name_lc, weight,"
                + " created_at, updated_at, version) VALUES ('r2', 't10', 'HELP DESK AGENT', 'help desk agent', 0,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"), "a name is unique in the tenant regardless of case");
    }

    @Test
    void v20MarksTheUsersThatHoldKeysOrMembershipsAlready() throws SQLException {
        Migrations upToV19 = shipped(index().replace("V20__what_users_hold.sql\n", ""));
        assertEquals(19, upToV19.migrate(connection).size());
        execute("INSERT INTO tenants (id, label, name, active, created_at, updated_at, version) VALUES ('t20', 't20', "
                + "'T', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        for (String name : List.of("keyed", "grouped", "plain")) {
            user("t20", name, "ACTIVE", "NULL", "NULL");
        }
        execute("INSERT INTO api_keys (id, tenant_id, user_id, name, prefix, secret_hash, created_by, created_at,"
                + " version) VALUES ('k1', 't20', 'u-keyed', 'k', 'p', '" + "0".repeat(64) + "', 'op',"
                + " CURRENT_TIMESTAMP, 1)");
        execute("INSERT INTO memberships (container_id, user_id, kind, tenant_id, username_lc, added_at) VALUES ('g1',"
                + " 'u-grouped', 'GROUP', 't20', 'grouped', CURRENT_TIMESTAMP)");

        assertEquals(List.of(20), shipped(index()).migrate(connection));
        assertEquals(1, single("SELECT COUNT(*) FROM users WHERE keys_issued AND NOT containers_joined"
                + " AND id = 'u-keyed'"));
        assertEquals(1, single("SELECT COUNT(*) FROM users WHERE containers_joined AND NOT keys_issued"
                + " AND id = 'u-grouped'"));
        assertEquals(1, single("SELECT COUNT(*) FROM users WHERE NOT keys_issued AND NOT containers_joined"
                + " AND id = 'u-plain'"));
    }

    private static String index() {
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/db/migration/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void user(String tenant, String name, String status, String from, String until) throws SQLException {
        String id = "u-" + name;
        execute("INSERT INTO users (id, tenant_id, username, username_lc, email, email_lc, mgmt_path, status, created_at, "
                + "updated_at, version) VALUES ('" + id + "', '" + tenant + "', '" + name + "', '" + name + "', '" + name
                + "@x.example', '" + name + "@x.example', '/" + id + "/', '" + status + "', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 1)");
        execute("INSERT INTO user_privileges VALUES ('p-" + name + "', '" + tenant + "', '" + id + "', 'tenant', 'USER', "
                + "NULL, " + from + ", " + until + ", 'op', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
    }

    private void execute(String sql) throws SQLException {
        connection.createStatement().executeUpdate(sql);
    }

    private long single(String sql) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    /** Roster's own scripts, with an index of our choosing. */
    private static Migrations shipped(String index) {
        return new Migrations(file -> file.equals("index.txt")
                ? new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8))
                : MigrationsTest.class.getResourceAsStream("/db/migration/" + file));
    }

    private static Migrations migrations(Map<String, String> files) {
        return new Migrations(file -> {
            String text = files.get(file);
            return text == null ? null : (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
    }
}
