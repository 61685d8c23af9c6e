package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.it.shared.SharedRoster;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The seed's {@code /users} paths: create, update, read, list, search, page, de-provision. */
class UsersIT extends RosterIT {

    /** The user example of the Activity Stream provisioning document, as a client would PUT it. */
    static final String SEED_USER = """
            {
                "username": "mobdev",
                "email": "tenant+mobilitus@activitystream.com",
                "firstName": "Mobilitus",
                "lastName": "Tickets",
                "timeZone": null,
                "country": "ISL",
                "zipCode": "108",
                "avatar": "",
                "gender": "M",
                "birthYear": null,
                "tenantUserPrivileges": [
                    {
                        "role": "ADMINISTRATOR",
                        "activeFrom": "2014-08-20T17:44:33Z",
                        "activeUntil": null
                    }
                ]
            }""";

    @Test
    void aBodyWithAWrongTypeAndABrokenRuleNamesBothAtOnce() {
        String tenant = api.newTenant();
        Api.Answer answer = api.putUser(tenant, "both", "{\"email\":\"not-an-address\",\"firstName\":[\"a\"],"
                + "\"birthYear\":\"1980\",\"country\":\"Iceland\"}").expect(400);
        List<String> fields = answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
        assertEquals(List.of("birthYear", "country", "email", "firstName"), fields, answer.body());
    }

    @Test
    void aBodyThatNamesAKeyTwiceIsA400NamingTheKey() {
        String tenant = api.newTenant();
        Api.Answer answer = api.putUser(tenant, "twice", "{\"email\": \"a@x.is\", \"email\": \"b@x.is\"}").expect(400);
        assertTrue(answer.json().getString("detail").contains("'email'"), answer.body());
        api.get("/api/v1/provisioning/users/twice").as(api.operator()).tenant(tenant).send().expect(404);
    }

    @Test
    void aBodyNestedAThousandLevelsDeepIsA400AndNoStackTraceInTheLog() throws Exception {
        String tenant = api.newTenant();
        String deep = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
        Api.Answer answer = api.putUser(tenant, "deep", deep).expect(400);
        assertTrue(answer.json().getString("detail").contains("nests deeper than"), answer.body());
        String requestId = answer.header("X-Request-Id");
        List<String> log = Files.readAllLines(SharedRoster.log());
        assertTrue(log.stream().filter(line -> line.contains(requestId) && !line.contains(PrivilegesIT.ACCESS_LINE))
                .count() <= 1, "one line at most besides the access line");
        assertFalse(log.stream().anyMatch(line -> line.contains("JsonParserImpl")), "no stack trace");
    }

    @Test
    void seedExampleCreatesTheUserAndReadsBack() {
        String tenant = api.newTenant();
        Api.Answer created = api.putUser(tenant, "mobdev", SEED_USER).expect(201);
        assertTrue(created.header("Location").endsWith("/api/v1/provisioning/users/mobdev"));
        assertTrue(created.header("ETag").startsWith("\""));
        JsonObject user = api.get("/api/v1/provisioning/users/mobdev").as(api.operator()).tenant(tenant).send()
                .expect(200).json();
        assertEquals("mobdev", user.getString("username"));
        assertEquals("tenant+mobilitus@activitystream.com", user.getString("email"));
        assertEquals("Mobilitus", user.getString("firstName"));
        assertEquals("Tickets", user.getString("lastName"));
        assertTrue(user.isNull("timeZone"));
        assertEquals("ISL", user.getString("country"));
        assertEquals("108", user.getString("zipCode"));
        assertEquals("", user.getString("avatar"));
        assertEquals("M", user.getString("gender"));
        assertTrue(user.isNull("birthYear"));
        assertTrue(user.isNull("hint"));
        assertTrue(user.isNull("manager"));
        assertEquals("ACTIVE", user.getString("status"));
        assertEquals(36, user.getString("id").length());
        assertTrue(user.containsKey("createdAt") && user.containsKey("updatedAt"));
        assertEquals(0, user.getJsonArray("activeApiKeys").size());
        JsonObject privilege = user.getJsonArray("tenantUserPrivileges").getJsonObject(0);
        assertEquals("ADMINISTRATOR", privilege.getString("role"));
        assertEquals("2014-08-20T17:44:33Z", privilege.getString("activeFrom"));
        assertTrue(privilege.isNull("activeUntil"));
        assertTrue(privilege.getBoolean("effective"));
        assertFalse(user.containsKey("password"));
    }

    @Test
    void putChangesOnlyTheFieldsItNamesAndNullClears() {
        String tenant = api.newTenant();
        api.putUser(tenant, "mobdev", SEED_USER).expect(201);
        JsonObject updated = api.putUser(tenant, "mobdev", "{\"firstName\":\"Mob\",\"zipCode\":null,\"birthYear\":1980,"
                + "\"timeZone\":\"Atlantic/Reykjavik\",\"hint\":\"hi\"}").expect(200).json();
        assertEquals("Mob", updated.getString("firstName"));
        assertTrue(updated.isNull("zipCode"));
        assertEquals(1980, updated.getInt("birthYear"));
        assertEquals("Atlantic/Reykjavik", updated.getString("timeZone"));
        assertEquals("Tickets", updated.getString("lastName"), "a field left out keeps its value");
        assertEquals("ISL", updated.getString("country"));
        assertEquals(1, updated.getJsonArray("tenantUserPrivileges").size(), "privileges left alone");
    }

    @Test
    void passwordIsWrittenButNeverReadBack() {
        String tenant = api.newTenant();
        Api.Answer created = api.putUser(tenant, "pat", "{\"email\":\"pat@example.com\",\"password\":\"s3cret-value-1\","
                + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        assertFalse(created.body().contains("s3cret-value-1"));
        assertFalse(created.body().contains("password"));
        String token = api.token("pat", "s3cret-value-1", tenant);
        assertFalse(api.get("/api/v1/provisioning/users/pat").as(token).send().expect(200).body().contains("password"));
        api.putUser(tenant, "pat", "{\"password\":\"short\"}").expect(400);
        api.putUser(tenant, "pat", "{\"password\":null}").expect(400);
        api.putUser(tenant, "pat", "{\"password\":\"another-secret-2\"}").expect(200);
        api.token("pat", "another-secret-2", tenant);
        api.login("pat", "s3cret-value-1", tenant).expect(400);
    }

    @Test
    void listShowsOnlyUsersWithAnEffectivePrivilege() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "active1", "USER", null);
        api.plainMember(tenant, "noprivilege", null, null);
        Api.Answer list = api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send().expect(200);
        assertEquals(List.of("active1"), list.usernames());
        assertEquals(1, list.json().getInt("totalElements"));
        api.get("/api/v1/provisioning/users/noprivilege").as(api.operator()).tenant(tenant).send().expect(200);
    }

    @Test
    void qSearchesUsernameEmailAndNamesByPrefixIgnoringCase() {
        String tenant = api.newTenant();
        api.putUser(tenant, "jdoe", "{\"email\":\"john.doe@corp.example\",\"firstName\":\"Johnny\",\"lastName\":\"Doe\","
                + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        api.putUser(tenant, "msmith", "{\"email\":\"mary@corp.example\",\"firstName\":\"Mary\",\"lastName\":\"Smith\","
                + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        api.putUser(tenant, "ghost", "{\"email\":\"johnghost@corp.example\",\"firstName\":\"John\"}").expect(201);
        assertEquals(List.of("jdoe"), search(tenant, "JD"));
        assertEquals(List.of("jdoe"), search(tenant, "john.doe@corp.example"));
        assertEquals(List.of("jdoe"), search(tenant, "johnn"));
        assertEquals(List.of("msmith"), search(tenant, "SMI"));
        assertEquals(List.of("jdoe", "msmith"), search(tenant, ""));
        assertEquals(List.of(), search(tenant, "doe@"), "a prefix, not a substring");
        assertEquals(List.of(), search(tenant, "john%"), "LIKE wildcards are literal");
        assertEquals(List.of(), search(tenant, "_doe"));
        assertEquals(List.of(), search(tenant, "johnghost"), "only users with a privilege are searched");
        api.get("/api/v1/provisioning/users?q=" + "x".repeat(300)).as(api.operator()).tenant(tenant).send().expect(400);
    }

    @Test
    void listsPageInAStableOrderWithTotals() {
        String tenant = api.newTenant();
        for (int i = 0; i < 25; i++) {
            api.plainMember(tenant, String.format("user%02d", 24 - i), "USER", null);
        }
        Api.Answer first = page(tenant, "page=0&size=10");
        assertEquals(10, first.json().getInt("size"));
        assertEquals(0, first.json().getInt("page"));
        assertEquals(25, first.json().getInt("totalElements"));
        assertEquals(3, first.json().getInt("totalPages"));
        List<String> all = new ArrayList<>(first.usernames());
        all.addAll(page(tenant, "page=1&size=10").usernames());
        List<String> last = page(tenant, "page=2&size=10").usernames();
        assertEquals(5, last.size());
        all.addAll(last);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(String.format("user%02d", i));
        }
        assertEquals(expected, all);
        assertEquals(20, page(tenant, "").json().getInt("size"), "default size");
        assertEquals(0, page(tenant, "page=9").content().size());
        for (String bad : new String[] {"size=0", "size=201", "size=abc", "page=-1", "page=x"}) {
            Api.Answer refused = api.get("/api/v1/provisioning/users?" + bad).as(api.operator()).tenant(tenant).send()
                    .expect(400);
            assertTrue(refused.body().contains(bad.substring(0, bad.indexOf('='))), refused.body());
        }
    }

    @Test
    void deleteRevokesEveryPrivilegeKeepsTheRecordAndAGrantRestoresIt() {
        String tenant = api.newTenant();
        String token = api.member(tenant, "leaver", "USER", null);
        api.get("/api/v1/provisioning/users/leaver").as(token).send().expect(200);

        api.delete("/api/v1/provisioning/users/leaver").as(api.operator()).tenant(tenant).send().expect(204);
        api.get("/api/v1/provisioning/users/leaver").as(token).send().expect(401);
        api.login("leaver", Api.PASSWORD, tenant).expect(400);
        assertEquals(List.of(), api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send().usernames());
        JsonObject kept = api.get("/api/v1/provisioning/users/leaver").as(api.operator()).tenant(tenant).send()
                .expect(200).json();
        assertEquals("DEPROVISIONED", kept.getString("status"));
        assertEquals(0, kept.getJsonArray("tenantUserPrivileges").size());
        api.delete("/api/v1/provisioning/users/leaver").as(api.operator()).tenant(tenant).send().expect(204);

        api.put("/api/v1/provisioning/users/leaver/privilege").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"USER\"}").send().expect(201);
        assertEquals("ACTIVE", api.get("/api/v1/provisioning/users/leaver").as(api.operator()).tenant(tenant).send()
                .json().getString("status"));
        assertEquals(List.of("leaver"), api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send()
                .usernames());
        api.get("/api/v1/provisioning/users/leaver").as(api.token("leaver", Api.PASSWORD, tenant)).send().expect(200);
        api.delete("/api/v1/provisioning/users/nobody").as(api.operator()).tenant(tenant).send().expect(404);
    }

    @Test
    void ifMatchRefusesAStaleWriteAndChangesNothing() {
        String tenant = api.newTenant();
        api.putUser(tenant, "mobdev", SEED_USER).expect(201);
        String etag = api.get("/api/v1/provisioning/users/mobdev").as(api.operator()).tenant(tenant).send().header("ETag");
        Api.Answer first = api.put("/api/v1/provisioning/users/mobdev").as(api.operator()).tenant(tenant)
                .header("If-Match", etag).json("{\"firstName\":\"First\"}").send().expect(200);
        assertNotEquals(etag, first.header("ETag"));
        Api.Answer stale = api.put("/api/v1/provisioning/users/mobdev").as(api.operator()).tenant(tenant)
                .header("If-Match", etag).json("{\"firstName\":\"Second\"}").send().expect(412);
        assertTrue(stale.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("First", api.get("/api/v1/provisioning/users/mobdev").as(api.operator()).tenant(tenant).send()
                .json().getString("firstName"));
        api.put("/api/v1/provisioning/users/mobdev").as(api.operator()).tenant(tenant)
                .header("If-Match", "*").json("{\"firstName\":\"Third\"}").send().expect(200);
        api.put("/api/v1/provisioning/users/newbie").as(api.operator()).tenant(tenant)
                .header("If-Match", "\"1\"").json("{\"email\":\"n@example.com\"}").send().expect(412);
        api.get("/api/v1/provisioning/users/newbie").as(api.operator()).tenant(tenant).send().expect(404);
    }

    @Test
    void concurrentCreatorsOfOneUsernameGetOne201AndNever500() throws Exception {
        String tenant = api.newTenant();
        String operator = api.operator();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creators = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                creators.add(() -> api.put("/api/v1/provisioning/users/racer").as(operator).tenant(tenant)
                        .json("{\"email\":\"racer@" + tenant + ".example\",\"hint\":\"" + n + "\"}").send().status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(creators)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 200 || s == 409), statuses.toString());
        } finally {
            pool.shutdown();
        }
        api.get("/api/v1/provisioning/users/racer").as(operator).tenant(tenant).send().expect(200);
        assertEquals(1, api.get("/api/v1/provisioning/as-users?q=racer@" + tenant + ".example").as(operator).send()
                .json().getInt("totalElements"), "one user, whoever won");
    }

    @Test
    void usernamesAndEmailsAreUniqueRegardlessOfCase() {
        String tenant = api.newTenant();
        api.putUser(tenant, "Alice", "{\"email\":\"Alice@Example.com\"}").expect(201);
        assertEquals("Alice", api.putUser(tenant, "ALICE", "{\"hint\":\"same user\"}").expect(200).json()
                .getString("username"));
        Api.Answer taken = api.putUser(tenant, "bob", "{\"email\":\"alice@example.COM\"}").expect(409);
        assertTrue(taken.json().getString("detail").contains("e-mail"));
        api.get("/api/v1/provisioning/users/bob").as(api.operator()).tenant(tenant).send().expect(404);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        String tenant = api.newTenant();
        api.putUser(tenant, "boss", "{\"email\":\"boss@example.com\"}").expect(201);
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\""), "body");
        assertField(api.putUser(tenant, "u1", "[1,2]"), "body");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"not-an-email\"}"), "email");
        assertField(api.putUser(tenant, "u1", "{\"firstName\":\"x\"}"), "email");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"birthYear\":\"1980\"}"), "birthYear");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"birthYear\":1800}"), "birthYear");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"firstName\":\"" + "x".repeat(101) + "\"}"),
                "firstName");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"timeZone\":\"Mars/Olympus\"}"), "timeZone");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"country\":\"Iceland\"}"), "country");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"frstName\":\"typo\"}"), "frstName");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"username\":\"u2\"}"), "username");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"status\":\"DEPROVISIONED\"}"), "status");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"manager\":\"nobody\"}"), "manager");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"manager\":\"u1\"}"), "manager");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"firstName\":[\"a\"]}"), "firstName");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"tenantUserPrivileges\":[{\"role\":\"GOD\"}]}"),
                "tenantUserPrivileges[0].role");
        assertField(api.putUser(tenant, "u1", "{\"email\":\"u1@example.com\",\"tenantUserPrivileges\":"
                + "[{\"role\":\"USER\"},{\"role\":\"user\"}]}"), "tenantUserPrivileges[1]");
        assertField(api.putUser(tenant, "u%20space", "{\"email\":\"u1@example.com\"}"), "username");
        api.get("/api/v1/provisioning/users/u1").as(api.operator()).tenant(tenant).send().expect(404);
        assertEquals(0, api.get("/api/v1/provisioning/events?size=200").as(api.operator()).tenant(tenant).send()
                .content().stream().filter(e -> "u1".equals(e.getString("target", ""))).count(), "no partial write");
    }

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRead() {
        String tenant = api.newTenant();
        String huge = "{\"email\":\"big@example.com\",\"hint\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Api.Answer refused = api.putUser(tenant, "big", huge).expect(413);
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        api.get("/api/v1/provisioning/users/big").as(api.operator()).tenant(tenant).send().expect(404);
    }

    @Test
    void managerIsAUsernameAndCyclesAreRefused() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "ceo", "MANAGEMENT", null);
        api.plainMember(tenant, "vp", "MANAGEMENT", "ceo");
        api.plainMember(tenant, "dev", "USER", "vp");
        assertEquals("vp", api.get("/api/v1/provisioning/users/dev").as(api.operator()).tenant(tenant).send().json()
                .getString("manager"));
        Api.Answer cycle = api.putUser(tenant, "ceo", "{\"manager\":\"dev\"}").expect(400);
        assertEquals("manager", cycle.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(api.putUser(tenant, "dev", "{\"manager\":null}").expect(200).json().isNull("manager"));
    }

    private List<String> search(String tenant, String q) {
        return api.get("/api/v1/provisioning/users?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                .as(api.operator()).tenant(tenant).send().expect(200).usernames();
    }

    private Api.Answer page(String tenant, String query) {
        return api.get("/api/v1/provisioning/users?" + query).as(api.operator()).tenant(tenant).send().expect(200);
    }

    private static void assertField(Api.Answer answer, String field) {
        answer.expect(400);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.body());
        List<String> fields = answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.contains(field), "expected " + field + " in " + answer.body());
    }
}
