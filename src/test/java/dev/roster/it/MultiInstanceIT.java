package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.roster.it.shared.SharedRoster;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several Roster instances on one PostgreSQL database are one service (README, docs/scale-out.md). Two instances,
 * {@code a} and {@code b}, start together on an empty database of this test's own, each with its own data folder
 * and the same keys, as behind a load balancer. Every rule is proved by writing through one instance and reading or
 * authenticating through the other, on the very next request. It owns its processes (it kills one), and runs in the
 * PostgreSQL part of the build only ({@code roster.it.pg.url}).
 */
class MultiInstanceIT {

    static final String USERS = "/api/v1/provisioning/users";
    static final String DB_PASSWORD = "roster-it-secret";

    static Path work;
    static String database;
    static Map<String, String> settings;
    static RosterProcess a;
    static GreenMail mail;
    static RosterProcess b;
    static Api viaA;
    static Api viaB;

    @BeforeAll
    static void twoInstancesStartTogetherOnAnEmptyDatabase() throws Exception {
        work = Path.of("target", "it-multi-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        database = "roster_multi_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + database);
        settings = new HashMap<>(Map.of(
                "ROSTER_DB_URL", pgUrl() + "/" + database,
                "ROSTER_DB_USER", "roster",
                "ROSTER_DB_PASSWORD", DB_PASSWORD,
                "ROSTER_TOKEN_SIGNING_KEY", privateKeyPem(),
                "ROSTER_SECRETS_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                "ROSTER_BOOTSTRAP_ADMIN_USERNAME", Api.OPERATOR,
                "ROSTER_BOOTSTRAP_ADMIN_PASSWORD", Api.OPERATOR_PASSWORD,
                "ROSTER_PASSWORD_ITERATIONS", "10000",
                "ROSTER_COUNTERS_SETTLE_AFTER_SECONDS", "1",
                "ROSTER_COUNTERS_SETTLE_EVERY_SECONDS", "1"));
        settings.put("ROSTER_LISTING_ANCHOR_STEP", "5");
        settings.put("ROSTER_JOBS_LEASE", "PT3S");
        mail = SharedRoster.startMail();
        settings.put("ROSTER_MAIL_HOST", "127.0.0.1");
        settings.put("ROSTER_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
        ExecutorService starter = Executors.newFixedThreadPool(2);
        Future<RosterProcess> first = starter.submit(() -> RosterProcess.start(work.resolve("a"), work.resolve("a-data"), settings));
        Future<RosterProcess> second = starter.submit(() -> RosterProcess.start(work.resolve("b"), work.resolve("b-data"), settings));
        a = first.get(300, TimeUnit.SECONDS);
        b = second.get(300, TimeUnit.SECONDS);
        starter.shutdown();
        viaA = new Api(a.url());
        viaB = new Api(b.url());
    }

    @AfterAll
    static void stop() throws Exception {
        for (RosterProcess roster : new RosterProcess[] {a, b}) {
            if (roster != null) {
                roster.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void eachEmailOfTheOutboxIsSentByOneInstance() throws Exception {
        String tenant = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        viaA.post("/api/v1/tenants").as(viaA.operator()).json("{\"label\": \"" + tenant + "\", \"name\": \"Mail\"}")
                .send().expect(201);
        viaA.put("/api/v1/tenants/" + tenant + "/services/invitations").as(viaA.operator())
                .json("{\"enabled\": true}").send().expect(200);
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            users.append(i == 0 ? "" : ", ").append("{\"email\": \"u").append(i).append("@").append(tenant)
                    .append(".example\"}");
        }
        viaA.post("/api/v1/provisioning/invitations").as(viaA.operator()).tenant(tenant)
                .json("{\"users\": [" + users + "]}").send().expect(200);
        Poll.until(Duration.ofSeconds(30), "20 e-mails", () -> to(tenant).size() >= 20);
        // one more, through the other instance: once it arrives, both have polled the outbox since the first 20
        viaB.post("/api/v1/provisioning/invitations").as(viaB.operator()).tenant(tenant)
                .json("{\"users\": [{\"email\": \"last@" + tenant + ".example\"}]}").send().expect(200);
        Poll.until(Duration.ofSeconds(30), "the last e-mail", () -> to(tenant).size() >= 21);
        List<String> recipients = to(tenant);
        assertEquals(21, recipients.size(), "no e-mail twice: " + recipients);
        assertEquals(21, new HashSet<>(recipients).size());
    }

    private static List<String> to(String tenant) {
        return Arrays.stream(mail.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(r -> r.endsWith("@" + tenant + ".example")).toList();
    }

    @Test
    void theMigrationsRanExactlyOnceThoughBothInstancesRanThem() throws Exception {
        List<Integer> shipped = new ArrayList<>();
        try (InputStream index = MultiInstanceIT.class.getResourceAsStream("/db/migration/index.txt")) {
            Matcher version = Pattern.compile("(?m)^V(\\d+)__").matcher(new String(index.readAllBytes(), StandardCharsets.UTF_8));
            while (version.find()) {
                shipped.add(Integer.parseInt(version.group(1)));
            }
        }
        List<Integer> recorded = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM roster_schema_history ORDER BY version")) {
            while (rows.next()) {
                recorded.add(rows.getInt(1));
            }
        }
        assertEquals(shipped, recorded, "each script is recorded once");
        List<Integer> appliedByA = applied(a.log());
        List<Integer> appliedByB = applied(b.log());
        List<Integer> both = new ArrayList<>(appliedByA);
        both.addAll(appliedByB);
        both.sort(null);
        assertEquals(shipped, both, "between them the two instances applied each script once: a " + appliedByA
                + ", b " + appliedByB);
    }

    @Test
    void aDeprovisionedOrSuspendedUserIsRefusedByTheOtherInstanceAtOnce() {
        String tenant = viaA.newTenant();
        String gone = viaA.member(tenant, "gone", "USER", null);
        String paused = viaA.member(tenant, "paused", "USER", null);
        viaB.get(USERS + "/gone").as(gone).send().expect(200);
        viaB.get(USERS + "/paused").header("Authorization", basic("paused")).tenant(tenant).send().expect(200);

        viaA.delete(USERS + "/gone").as(viaA.operator()).tenant(tenant).send().expect(204);
        viaA.putUser(tenant, "paused", "{\"status\":\"SUSPENDED\"}").expect(200);

        viaB.get(USERS + "/gone").as(gone).send().expect(401);
        viaB.get(USERS + "/paused").as(paused).send().expect(401);
        viaB.get(USERS + "/paused").header("Authorization", basic("paused")).tenant(tenant).send().expect(401);
    }

    @Test
    void aRevokedOrRotatedApiKeyIsRefusedByTheOtherInstanceAtOnce() {
        String tenant = viaA.newTenant();
        String admin = viaA.member(tenant, "admin", "ADMINISTRATOR", null);
        JsonObject revoked = viaA.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"one\"}").send()
                .expect(201).json();
        JsonObject rotated = viaA.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"two\"}").send()
                .expect(201).json();
        viaB.get(USERS + "/admin").header("x-app-token", revoked.getString("apiToken")).send().expect(200);
        viaB.get(USERS + "/admin").header("x-app-token", rotated.getString("apiToken")).send().expect(200);

        viaA.delete("/api/v1/provisioning/api-keys/" + revoked.getString("id")).as(admin).send().expect(204);
        String fresh = viaA.post("/api/v1/provisioning/api-keys/" + rotated.getString("id") + "/rotate").as(admin).send()
                .expect(200).json().getString("apiToken");

        viaB.get(USERS + "/admin").header("x-app-token", revoked.getString("apiToken")).send().expect(401);
        viaB.get(USERS + "/admin").header("x-app-token", rotated.getString("apiToken")).send().expect(401);
        viaB.get(USERS + "/admin").header("x-app-token", fresh).send().expect(200);
    }

    @Test
    void aSuspendedTenantIsRefusedByTheOtherInstanceAtOnce() {
        String tenant = viaA.newTenant();
        String user = viaA.member(tenant, "someone", "USER", null);
        viaB.get(USERS + "/someone").as(user).send().expect(200);
        viaA.put("/api/v1/tenants/" + tenant).as(viaA.operator()).json("{\"active\":false}").send().expect(200);
        viaB.get(USERS + "/someone").as(user).send().expect(401);
        viaB.login("someone", Api.PASSWORD, tenant).expect(400);
    }

    @Test
    void aChangedRoleOrPrivilegeWindowAppliesOnTheOtherInstanceAtOnce() {
        String tenant = viaA.newTenant();
        viaA.member(tenant, "keeper", "ADMINISTRATOR", null);
        String boss = viaA.member(tenant, "boss", "ADMINISTRATOR", null);
        viaB.putUser(tenant, "temp", "{\"email\":\"temp@example.com\"}").expect(201);
        viaB.put(USERS + "/temp").as(boss).json("{\"firstName\":\"Ann\"}").send().expect(200);

        viaA.put(USERS + "/boss/privilege").as(viaA.operator()).tenant(tenant).json("{\"role\":\"USER\"}").send().expect(200);
        Api.Answer demoted = viaB.put(USERS + "/temp").as(boss).json("{\"firstName\":\"Bea\"}").send();
        assertEquals(403, demoted.status(), "a USER changes nothing: " + demoted.body());

        String ended = Instant.now().minusSeconds(60).toString();
        viaA.put(USERS + "/boss/privilege").as(viaA.operator()).tenant(tenant)
                .json("{\"role\":\"ADMINISTRATOR\",\"activeFrom\":\"2020-01-01T00:00:00Z\",\"activeUntil\":\"" + ended + "\"}")
                .send().expect(200);
        Api.Answer closed = viaB.get(USERS + "/boss").as(boss).send();
        assertNotEquals(200, closed.status(), "a privilege whose window closed grants nothing: " + closed.body());
        assertEquals(viaA.get(USERS + "/boss").as(boss).send().status(), closed.status(), "both instances answer alike");
    }

    @Test
    void aDisabledServiceIsRefusedByTheOtherInstanceAtOnce() {
        String tenant = viaA.newTenant();
        String user = viaA.member(tenant, "someone", "USER", null);
        viaB.get(USERS + "/someone").as(user).send().expect(200);
        viaA.put("/api/v1/tenants/" + tenant + "/services/native-api").as(viaA.operator()).json("{\"enabled\":false}")
                .send().expect(200);
        Api.Answer refused = viaB.get(USERS + "/someone").as(user).send().expect(403);
        assertTrue(refused.body().contains("native-api"), refused.body());
    }

    @Test
    void failedPasswordsAreCountedAcrossInstances() {
        String tenant = viaA.newTenant();
        viaA.member(tenant, "target", "USER", null);
        for (int i = 0; i < 3; i++) {
            viaA.login("target", "wrong-" + i, tenant).expect(400);
            viaB.login("target", "wrong-b" + i, tenant).expect(400);
        }
        // six failures between the two instances: the account is locked (five are free); counted per instance,
        // each would have seen three and let the next two through
        int first = viaA.login("target", "wrong-again", tenant).status();
        int second = viaA.login("target", Api.PASSWORD, tenant).status();
        assertTrue(first == 429 || second == 429, "a lock from the failures on both instances: " + first + ", " + second);
    }

    @Test
    void totalsAndDeepPagesStayExactWhenTheOtherInstanceWrites() {
        String tenant = viaA.newTenant();
        TreeSet<String> listed = new TreeSet<>();
        for (int i = 0; i < 16; i++) {
            String username = String.format("m%02d", i);
            (i % 2 == 0 ? viaA : viaB).putUser(tenant, username, member(username)).expect(201);
            listed.add(username);
        }
        Instant written = Instant.now();
        Poll.until(Duration.ofSeconds(60), "b's counters settled past the writes",
                () -> viaB.metric("roster_counters_settled_until_seconds") > written.getEpochSecond() + 1);
        Poll.until(Duration.ofSeconds(60), "b serves a deep page from a remembered position", () -> {
            double before = fromPositions(viaB);
            assertPage(viaB, tenant, listed, 2, 5);
            return fromPositions(viaB) > before;
        });

        viaA.putUser(tenant, "a-first", member("a-first")).expect(201);
        viaA.putUser(tenant, "m071", member("m071")).expect(201);
        viaA.delete(USERS + "/m09").as(viaA.operator()).tenant(tenant).send().expect(204);
        viaA.putUser(tenant, "m13", "{\"status\":\"SUSPENDED\"}").expect(200);
        listed.addAll(List.of("a-first", "m071"));
        listed.removeAll(List.of("m09", "m13"));

        double before = fromPositions(viaB);
        for (int page = 0; page * 5 < listed.size(); page++) {
            assertPage(viaB, tenant, listed, page, 5);
            assertPage(viaA, tenant, listed, page, 5);
        }
        assertTrue(fromPositions(viaB) > before, "b's deep pages still start from its remembered positions");
    }

    @Test
    void aKilledInstanceLosesNoAcknowledgedWriteAndTheOthersKeepServing() throws Exception {
        String tenant = viaA.newTenant();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (RosterProcess c = RosterProcess.start(work.resolve("c"), work.resolve("c-data"), settings)) {
            Api viaC = new Api(c.url());
            String operator = viaC.operator();
            ExecutorService writers = Executors.newFixedThreadPool(3);
            for (int w = 0; w < 3; w++) {
                String prefix = "w" + w + "-";
                writers.execute(() -> {
                    for (int i = 0; ; i++) {
                        String username = prefix + i;
                        try {
                            if (viaC.put(USERS + "/" + username).as(operator).tenant(tenant).json(member(username))
                                    .send().status() != 201) {
                                return;
                            }
                            acknowledged.add(username);
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            Poll.until(Duration.ofSeconds(60), "c has acknowledged some creates", () -> acknowledged.size() >= 30);
            c.kill();
            writers.shutdown();
            assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
        }
        for (String username : acknowledged) {
            viaB.get(USERS + "/" + username).as(viaB.operator()).tenant(tenant).send().expect(200);
        }
        viaA.putUser(tenant, "after-the-kill", member("after-the-kill")).expect(201);
        viaB.get(USERS + "/after-the-kill").as(viaB.operator()).tenant(tenant).send().expect(200);
    }

    @Test
    void theInstancesShareAJobAndTakeOverTheChunkOfOneThatDies() throws Exception { // each chunk: 500 items
        String tenant = viaA.newTenant();
        viaA.put("/api/v1/tenants/" + tenant + "/services/bulk").as(viaA.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        int items = 10_000;
        String operations = IntStream.range(0, items).mapToObj(i -> "{\"op\": \"create\", \"user\": "
                + "{\"username\": \"j" + i + "\", \"email\": \"j" + i + "@jobs.example\", \"tenantUserPrivileges\": "
                + "[{\"role\": \"USER\"}]}}")
                .collect(Collectors.joining(",", "{\"operations\": [", "]}"));
        String job;
        String cInstance;
        List<Integer> held;
        try (RosterProcess c = RosterProcess.start(work.resolve("c2"), work.resolve("c2-data"), settings)) {
            Api viaC = new Api(c.url());
            String operator = viaC.operator();
            job = viaC.post("/api/v1/provisioning/bulk").as(operator).tenant(tenant).json(operations).send()
                    .expect(202).json().getString("id");
            Matcher named = Pattern.compile("claims their chunks as ([0-9a-f-]{36})").matcher(c.log());
            assertTrue(named.find(), "an instance names itself in its log");
            cInstance = named.group(1);
            Poll.until(Duration.ofSeconds(60), "c applied part of the job and holds the lease on another chunk",
                    () -> appliedBy(job).contains(cInstance) && !heldBy(job, cInstance).isEmpty());
            c.kill();
        }
        held = heldBy(job, cInstance); // c died holding it: the lease runs out 3 s later
        assertFalse(held.isEmpty(), "c held a chunk when it died");
        JsonObject[] ended = new JsonObject[1];
        Poll.until(Duration.ofSeconds(180), "a and b finished the job", () -> {
            ended[0] = progress(tenant, job);
            return !Set.of("queued", "running").contains(ended[0].getString("status"));
        });
        assertEquals("succeeded", ended[0].getString("status"));
        JsonObject counts = ended[0].getJsonObject("counts");
        assertEquals(items, counts.getInt("processed"));
        assertEquals(items, counts.getInt("succeeded"), "no item was applied twice (its create would be a 409)");
        assertEquals(items, viaB.get(USERS + "?size=1").as(viaB.operator()).tenant(tenant).send().expect(200)
                .json().getInt("totalElements"), "each user created once, and listed");
        Set<String> instances = appliedBy(job);
        assertTrue(instances.contains(cInstance) && instances.size() >= 2, "c and another instance applied the job's "
                + "chunks: " + instances);
        for (int seq : held) {
            Set<String> appliedChunk = appliedBy(job, seq * 500);
            assertFalse(appliedChunk.isEmpty() || appliedChunk.contains(cInstance), "the chunk c held when it died was "
                    + "taken over by another instance: " + appliedChunk);
        }
    }

    private static JsonObject progress(String tenant, String job) {
        return viaB.get("/api/v1/provisioning/jobs/" + job).as(viaB.operator()).tenant(tenant).send().expect(200)
                .json();
    }

    /** The instances that applied a job's runs of items, as the database recorded them. */
    private static Set<String> appliedBy(String job) {
        return column("SELECT DISTINCT applied_by FROM job_results WHERE job_id = '" + job + "'");
    }

    /** The instances that applied the run of a job's items that starts at {@code firstItem}. */
    private static Set<String> appliedBy(String job, int firstItem) {
        return column("SELECT applied_by FROM job_results WHERE job_id = '" + job + "' AND first_item = " + firstItem);
    }

    /** The chunks of a job an instance holds the lease on and has not finished. */
    private static List<Integer> heldBy(String job, String instance) {
        return column("SELECT seq FROM job_chunks WHERE job_id = '" + job + "' AND claimed_by = '" + instance
                + "' AND status = 'PENDING'").stream().map(Integer::valueOf).toList();
    }

    private static Set<String> column(String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInstanceWithAnotherSigningKeyRefusesToStart() throws Exception {
        Map<String, String> ownKeys = new HashMap<>(settings);
        ownKeys.remove("ROSTER_TOKEN_SIGNING_KEY"); // it generates one in its own data folder
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RosterProcess.start(work.resolve("d"), work.resolve("d-data"), ownKeys).close());
        assertTrue(refused.getMessage().contains("give every instance the same roster.token.signing-key"),
                refused.getMessage());
        Map<String, String> otherSecrets = new HashMap<>(settings);
        otherSecrets.put("ROSTER_SECRETS_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        refused = assertThrows(IllegalStateException.class,
                () -> RosterProcess.start(work.resolve("e"), work.resolve("e-data"), otherSecrets).close());
        assertTrue(refused.getMessage().contains("give every instance the same roster.secrets.key"), refused.getMessage());
    }

    @Test
    void thePoolHoldsAtMostRosterDbPoolSizeConnections() throws Exception {
        String tenant = viaA.newTenant();
        for (int i = 0; i < 10; i++) {
            viaA.putUser(tenant, "p" + i, member("p" + i)).expect(201);
        }
        Map<String, String> small = new HashMap<>(settings);
        small.put("ROSTER_DB_URL", settings.get("ROSTER_DB_URL") + "?ApplicationName=roster-small");
        small.put("ROSTER_DB_POOL_SIZE", "2");
        try (RosterProcess f = RosterProcess.start(work.resolve("f"), work.resolve("f-data"), small)) {
            int defaultPeak = peakConnections("roster", viaA, tenant);
            int smallPeak = peakConnections("roster-small", new Api(f.url()), tenant);
            assertTrue(defaultPeak > 4, "the default pool grows past its two steady connections (per instance)"
                    + " under eight concurrent clients: " + defaultPeak + " for a and b");
            assertTrue(smallPeak >= 1 && smallPeak <= 2, "roster.db.pool-size=2 holds: " + smallPeak);
        }
    }

    /** The most connections the named Roster held at once while eight clients listed users through {@code api}. */
    private static int peakConnections(String applicationName, Api api, String tenant) throws Exception {
        String operator = api.operator();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            running.add(clients.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    api.get(USERS + "?q=p&size=10").as(operator).tenant(tenant).send().expect(200);
                }
            }));
        }
        int peak = 0;
        try (Connection connection = connect("postgres"); var count = connection.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND datname = ?")) {
            count.setString(1, applicationName);
            count.setString(2, database);
            while (running.stream().anyMatch(r -> !r.isDone())) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    peak = Math.max(peak, row.getInt(1));
                }
            }
        }
        clients.shutdown();
        for (Future<?> done : running) {
            done.get();
        }
        return peak;
    }

    private static void assertPage(Api api, String tenant, TreeSet<String> listed, int page, int size) {
        List<String> expected = new ArrayList<>(listed);
        Api.Answer answer = api.get(USERS + "?page=" + page + "&size=" + size).as(api.operator()).tenant(tenant)
                .send().expect(200);
        assertEquals(expected.subList(Math.min(page * size, expected.size()), Math.min((page + 1) * size,
                expected.size())), answer.usernames(), "page " + page);
        assertEquals(expected.size(), answer.json().getInt("totalElements"));
    }

    private static double fromPositions(Api api) {
        return api.metric("roster_listing_pages_total", "start", "position");
    }

    private static String member(String username) {
        return "{\"email\":\"" + username + "@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}";
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The versions a log says its instance applied. */
    private static List<Integer> applied(String log) {
        Matcher migrated = Pattern.compile("Schema migrated: \\[([0-9, ]*)]").matcher(log);
        List<Integer> versions = new ArrayList<>();
        if (migrated.find()) {
            for (String version : migrated.group(1).split(",\\s*")) {
                versions.add(Integer.parseInt(version));
            }
        } else {
            assertTrue(log.contains("Schema is up to date"), "the instance reported its migrations");
        }
        return versions;
    }

    private static String pgUrl() {
        String url = System.getProperty("roster.it.pg.url");
        assertFalse(url == null || url.isBlank(), "the build gives the PostgreSQL server's URL (roster.it.pg.url)");
        return url;
    }

    private static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(pgUrl() + "/" + name, "roster", DB_PASSWORD);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String privateKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
