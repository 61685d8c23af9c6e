package dev.roster.bench;

import dev.roster.platform.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * The floor under a bulk job's creates (docs/benchmarks.md): how fast the database takes just the two core rows of N
 * users (the user and its privilege, with every index of Roster's schema) by plain JDBC batches, 500 users a commit,
 * with no JPA, audit events, counters or results. Migrates the database first; writes into a new tenant.
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.roster.bench.InsertFloor \
 *      'jdbc:derby:/tmp/floor;create=true' 100000
 * java -cp … dev.roster.bench.InsertFloor jdbc:postgresql://localhost:5432/roster_bench 100000 roster PASSWORD
 * </pre>
 */
public final class InsertFloor {

    private InsertFloor() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        try (Connection c = args.length > 2 ? DriverManager.getConnection(url, args[2], args[3])
                : DriverManager.getConnection(url)) {
            Migrations.fromClasspath().migrate(c);
            c.setAutoCommit(false);
            String tenant = UUID.randomUUID().toString();
            try (PreparedStatement t = c.prepareStatement("INSERT INTO tenants (id, label, name, active, created_at,"
                    + " updated_at, version) VALUES (?, ?, 'F', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")) {
                t.setString(1, tenant);
                t.setString(2, "floor-" + tenant.substring(0, 8));
                t.executeUpdate();
            }
            c.commit();
            long start = System.nanoTime();
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement u = c.prepareStatement("INSERT INTO users (id, tenant_id, username, username_lc,"
                    + " email, email_lc, first_name, first_name_lc, last_name, last_name_lc, mgmt_path, status,"
                    + " created_at, updated_at, version, listed_from, listed_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 0, ?, ?)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO user_privileges (id, tenant_id, user_id, slot,"
                         + " role, granted_by, granted_at, updated_at, version)"
                         + " VALUES (?, ?, ?, 'USER|', 'USER', 'bench', ?, ?, 0)")) {
                for (int i = 0; i < n; i++) {
                    String id = UUID.randomUUID().toString();
                    String name = "f" + i;
                    Object[] values = {id, tenant, name, name, name + "@floor.example", name + "@floor.example",
                        "First" + i, "first" + i, "Last" + i, "last" + i, "/" + id, now, now, now,
                        Timestamp.valueOf("9999-12-31 00:00:00")};
                    for (int k = 0; k < values.length; k++) {
                        u.setObject(k + 1, values[k]);
                    }
                    u.addBatch();
                    Object[] privilege = {UUID.randomUUID().toString(), tenant, id, now, now};
                    for (int k = 0; k < privilege.length; k++) {
                        p.setObject(k + 1, privilege[k]);
                    }
                    p.addBatch();
                    if ((i + 1) % 500 == 0 || i == n - 1) {
                        u.executeBatch();
                        p.executeBatch();
                        c.commit();
                    }
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println(n + " users and privileges in " + ms + " ms: " + (n * 1000L / Math.max(ms, 1))
                    + " users/s");
        }
    }
}
