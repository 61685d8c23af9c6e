package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roster as an operator first runs it: {@code java -jar payara-micro.jar --deploy roster.war} on an empty data
 * folder without a bootstrap password, then again on the same folder. It owns its Roster processes: a first start
 * needs an empty data folder, and the shared test Roster's is not. They run with the production defaults.
 */
class FirstStartIT {

    static final Pattern GENERATED = Pattern.compile("Created the platform operator 'admin' with the generated password (\\S+)");

    @TempDir
    Path work;

    @Test
    void firstStartGeneratesAndLogsTheOperatorPasswordOnceAndALaterStartChangesNothing() throws Exception {
        Path data = work.resolve("data");
        String password;
        String tokenFromFirstRun;
        try (RosterProcess first = RosterProcess.start(work, data, Map.of())) {
            Matcher generated = GENERATED.matcher(first.log());
            assertTrue(generated.find(), "the generated password is logged");
            password = generated.group(1);
            assertTrue(password.length() >= 20, "a strong password");
            assertFalse(generated.find(), "and logged once");
            assertStartUpLogIsShortAndSaysWhatAnOperatorNeeds(first, data);
            Api api = new Api(first.url());
            tokenFromFirstRun = api.token("admin", password, null);
            api.get("/api/v1/tenants").as(tokenFromFirstRun).send().expect(200);
            assertNull(api.get("/api/v1/tenants").as(tokenFromFirstRun).header("Origin", "https://console.roster.example")
                    .send().expect(200).header("Access-Control-Allow-Origin"), "CORS is off by default");
            assertNoCredentialIsLogged(api, tokenFromFirstRun, first);
            assertWithoutSmtpAnInvitationsLinkGoesToTheAdministrator(api, tokenFromFirstRun, first);
        }
        assertTrue(storedOperatorHash(data).startsWith("PBKDF2WithHmacSHA512:210000:"),
                "the production default: 210,000 PBKDF2 iterations (the shared test Roster uses fewer)");
        Path key = data.resolve("keys").resolve("token-signing-key.pem");
        assertTrue(Files.exists(key), "the signing key is generated under the data folder");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        try (RosterProcess second = RosterProcess.start(work, data, Map.of("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", "a-different-one-1"))) {
            assertFalse(GENERATED.matcher(second.log()).find());
            Api api = new Api(second.url());
            api.get("/api/v1/tenants").as(tokenFromFirstRun).send().expect(200);
            api.token("admin", password, null);
            api.login("admin", "a-different-one-1", null).expect(400);
        }
    }

    /** Issue 12, "start-up log": version, port, data folder, database and the operator; no certificate dumps. */
    private static void assertStartUpLogIsShortAndSaysWhatAnOperatorNeeds(RosterProcess roster, Path data)
            throws IOException {
        String log = roster.log();
        assertTrue(Pattern.compile("Roster \\d+\\.\\d+\\.\\d+\\S* started on port " + roster.port() + "; data folder "
                + Pattern.quote(data.toAbsolutePath().toString()) + "; database Apache Derby").matcher(log).find(), log);
        assertFalse(log.contains("expired"), "no warnings about the certificates Payara ships");
        long records = log.lines().filter(line -> line.startsWith("[20")).count();
        assertTrue(records <= 10, records + " log records for a first start: " + log);
    }

    /** The operator's password hash as stored, read from the stopped Roster's database. */
    private static String storedOperatorHash(Path data) throws SQLException {
        String url = "jdbc:derby:" + data.resolve("db").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet row = connection.createStatement().executeQuery("SELECT password_hash FROM operators")) {
            assertTrue(row.next());
            return row.getString(1);
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException closed) {
                // Derby reports a clean shutdown as an exception (08006), and the next start opens it again
            }
        }
    }

    /** Uses every kind of credential, right and wrong, then reads the whole server log for any of them. */
    private static void assertNoCredentialIsLogged(Api api, String operatorToken, RosterProcess roster) throws IOException {
        api.post("/api/v1/tenants").as(operatorToken).json("{\"label\":\"logs\",\"name\":\"Logs\"}").send().expect(201);
        api.put("/api/v1/provisioning/users/canary").as(operatorToken).tenant("logs").json("{\"email\":\"c@logs.example\","
                + "\"password\":\"canary-password-1\",\"tenantUserPrivileges\":[{\"role\":\"ADMINISTRATOR\"}]}")
                .send().expect(201);
        String userToken = api.token("canary", "canary-password-1", "logs");
        String key = api.post("/api/v1/provisioning/api-keys").as(userToken).json("{\"name\":\"k\"}").send().expect(201)
                .json().getString("apiToken");
        api.get("/api/v1/provisioning/users").header("x-app-token", key).send().expect(200);
        api.login("canary", "canary-wrong-2", "logs").expect(400);
        api.get("/api/v1/provisioning/users").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("canary:canary-wrong-3".getBytes())).tenant("logs").send()
                .expect(401);
        api.get("/api/v1/provisioning/users").header("x-app-token", "rk_canaryguess4").send().expect(401);
        api.get("/api/v1/provisioning/users").as(userToken + "tampered").send().expect(401);
        api.post("/api/v1/provisioning/token").form(Map.of("grant_type", "client_credentials", "client_secret", key))
                .send().expect(200);
        String log = roster.log();
        for (String secret : new String[] {"canary-password-1", "canary-wrong-2", "canary-wrong-3", "rk_canaryguess4",
                key, userToken, operatorToken}) {
            assertFalse(log.contains(secret), "the server log holds a credential");
        }
    }

    /**
     * Issue 15: without {@code roster.mail.host} Roster starts, says once that invitations are not e-mailed, and the
     * administrator's resend answers the invitation's link, which works.
     */
    private static void assertWithoutSmtpAnInvitationsLinkGoesToTheAdministrator(Api api, String operatorToken,
                                                                                 RosterProcess roster) throws IOException {
        api.put("/api/v1/tenants/logs/services/invitations").as(operatorToken).json("{\"enabled\": true}").send()
                .expect(200);
        String invitation = api.post("/api/v1/provisioning/invitations").as(operatorToken).tenant("logs")
                .json("{\"users\": [{\"email\": \"offline@logs.example\", \"roles\": [\"USER\"]}]}").send()
                .expect(200).json().getJsonArray("results").getJsonObject(0).getString("invitationId");
        String link = api.post("/api/v1/provisioning/invitations/" + invitation + "/resend").as(operatorToken)
                .tenant("logs").send().expect(200).json().getString("acceptLink");
        assertTrue(link.startsWith("http://localhost:8080/invitations/accept?token="), link);
        api.post("/api/v1/invitations/accept").json("{\"token\": \"" + link.substring(link.indexOf('=') + 1)
                + "\", \"password\": \"offline-password-1\"}").send().expect(200);
        api.token("offline@logs.example", "offline-password-1", "logs");
        assertEquals(1, roster.log().lines().filter(line -> line.contains("No SMTP server is configured")).count());
    }

    @Test
    void theWarShipsNoKeyAndNoSecret() throws IOException {
        try (ZipFile war = new ZipFile(System.getProperty("roster.war", "target/roster.war"))) {
            List<String> suspicious = war.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".pem") || n.endsWith(".key") || n.endsWith(".p12") || n.endsWith(".jks"))
                    .toList();
            assertEquals(List.of(), suspicious);
        }
    }
}
