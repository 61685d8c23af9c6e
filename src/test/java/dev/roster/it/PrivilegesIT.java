package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.it.shared.SharedRoster;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Privileges: both addressings of the seed, validity windows enforced per request, and bad input. */
class PrivilegesIT extends RosterIT {

    static final String ACCESS_LINE = "[dev.roster.access]";

    /** The privilege example of the Activity Stream provisioning document. */
    static final String SEED_PRIVILEGE = """
            {
                "role": "ADMINISTRATOR",
                "activeFrom": "2014-09-09T13:49:29Z",
                "activeUntil": null
            }""";

    /** Issue 12, README: a user's ETag changes with its privileges, so If-Match never overwrites an unseen grant. */
    @Test
    void aPrivilegeChangeChangesTheUsersEntityTag() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "tagged", "USER", null);
        String user = "/api/v1/provisioning/users/tagged";
        String before = api.get(user).as(api.operator()).tenant(tenant).send().expect(200).header("ETag");
        api.put(user + "/privilege").as(api.operator()).tenant(tenant).json("{\"role\":\"TEAM_LEADER\"}").send()
                .expect(200);
        String afterGrant = api.get(user).as(api.operator()).tenant(tenant).send().expect(200).header("ETag");
        assertNotEquals(before, afterGrant, "a role change");
        api.put(user).as(api.operator()).tenant(tenant).header("If-Match", before).json("{\"firstName\":\"T\"}").send()
                .expect(412);
        api.delete(user + "/privilege").as(api.operator()).tenant(tenant).send().expect(204);
        assertNotEquals(afterGrant, api.get(user).as(api.operator()).tenant(tenant).send().header("ETag"), "a revocation");
    }

    @Test
    void seedExampleGrantsThenChangesTheUsersPrivilege() {
        String tenant = api.newTenant();
        api.putUser(tenant, "coooridev", "{\"email\":\"tenant+cooori@activitystream.com\",\"firstName\":\"Language\","
                + "\"lastName\":\"Genius\",\"avatar\":null}").expect(201);
        JsonObject granted = api.put("/api/v1/provisioning/users/coooridev/privilege").as(api.operator()).tenant(tenant)
                .json(SEED_PRIVILEGE).send().expect(201).json();
        assertEquals("ADMINISTRATOR", granted.getString("role"));
        assertEquals("2014-09-09T13:49:29Z", granted.getString("activeFrom"));
        assertTrue(granted.isNull("activeUntil"));
        JsonObject user = granted.getJsonObject("user");
        assertEquals(List.of("firstName", "lastName", "email", "avatar", "username"), List.copyOf(user.keySet()));
        assertEquals("Language", user.getString("firstName"));
        assertEquals("Genius", user.getString("lastName"));
        assertEquals("tenant+cooori@activitystream.com", user.getString("email"));
        assertTrue(user.isNull("avatar"));
        assertEquals("coooridev", user.getString("username"));

        JsonObject changed = api.put("/api/v1/provisioning/users/coooridev/privilege").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"INTERNAL_AUDITING\"}").send().expect(200).json();
        assertEquals("INTERNAL_AUDITING", changed.getString("role"));
        assertTrue(changed.isNull("activeFrom"), "PUT replaces the window");
        assertEquals(granted.getString("id"), changed.getString("id"));
        assertEquals("INTERNAL_AUDITING", api.get("/api/v1/provisioning/users/coooridev/privilege").as(api.operator())
                .tenant(tenant).send().expect(200).json().getString("role"));
    }

    @Test
    void thePrivilegeIsAlsoAddressedByIdAndByUsername() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "ida", "USER", null);
        String id = api.get("/api/v1/provisioning/users/ida/privilege").as(api.operator()).tenant(tenant).send()
                .expect(200).json().getString("id");
        assertEquals("ida", api.get("/api/v1/provisioning/privileges/" + id).as(api.operator()).tenant(tenant).send()
                .expect(200).json().getJsonObject("user").getString("username"));
        assertEquals(id, api.get("/api/v1/provisioning/privileges/ida").as(api.operator()).tenant(tenant).send()
                .expect(200).json().getString("id"));
        assertEquals("TEAM_LEADER", api.put("/api/v1/provisioning/privileges/" + id).as(api.operator()).tenant(tenant)
                .json("{\"role\":\"TEAM_LEADER\"}").send().expect(200).json().getString("role"));
        api.delete("/api/v1/provisioning/privileges/" + id).as(api.operator()).tenant(tenant).send().expect(204);
        api.get("/api/v1/provisioning/privileges/" + id).as(api.operator()).tenant(tenant).send().expect(404);
        api.get("/api/v1/provisioning/users/ida/privilege").as(api.operator()).tenant(tenant).send().expect(404);
        api.put("/api/v1/provisioning/privileges/" + id).as(api.operator()).tenant(tenant)
                .json("{\"role\":\"USER\"}").send().expect(404);
        assertEquals(List.of(), api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send().usernames());
    }

    @Test
    void aPrivilegeThatStartsInTheFutureGrantsNothingYet() {
        String tenant = api.newTenant();
        String later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        api.putUser(tenant, "future", "{\"email\":\"f@example.com\",\"password\":\"" + Api.PASSWORD + "\","
                + "\"tenantUserPrivileges\":[{\"role\":\"ADMINISTRATOR\",\"activeFrom\":\"" + later + "\"}]}").expect(201);
        assertEquals(List.of(), api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send().usernames());
        assertTrue(api.login("future", Api.PASSWORD, tenant).expect(400).json().getString("detail").contains("privilege"));
        JsonObject privilege = api.get("/api/v1/provisioning/users/future/privilege").as(api.operator()).tenant(tenant)
                .send().expect(200).json();
        assertFalse(privilege.getBoolean("effective"));
        assertEquals(later, privilege.getString("activeFrom"));
    }

    @Test
    void aPrivilegeThatHasEndedGrantsNothingAndItsTokenLosesTheRoleAtOnce() {
        String tenant = api.newTenant();
        Instant end = Instant.now().plusSeconds(4);
        api.putUser(tenant, "temp", "{\"email\":\"t@example.com\",\"password\":\"" + Api.PASSWORD + "\","
                + "\"tenantUserPrivileges\":[{\"role\":\"ADMINISTRATOR\",\"activeUntil\":\"" + end + "\"}]}").expect(201);
        String token = api.token("temp", Api.PASSWORD, tenant);
        api.get("/api/v1/provisioning/users").as(token).send().expect(200);
        Poll.until(Duration.ofSeconds(15), "the token loses the role once the window ends",
                () -> api.get("/api/v1/provisioning/users").as(token).send().status() == 403);
        assertTrue(Instant.now().isAfter(end), "refused only after the window ended");
        api.login("temp", Api.PASSWORD, tenant).expect(400);
        assertEquals(List.of(), api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send().usernames());
        assertFalse(api.get("/api/v1/provisioning/users/temp/privilege").as(api.operator()).tenant(tenant).send()
                .json().getBoolean("effective"));
    }

    @Test
    void listIncludesFutureAndEndedPrivilegesAndSaysWhichAreEffective() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "now", "USER", null);
        api.putUser(tenant, "soon", "{\"email\":\"soon@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeFrom\":\"2999-01-01T00:00:00Z\"}]}").expect(201);
        api.putUser(tenant, "past", "{\"email\":\"past@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeFrom\":\"2001-01-01T00:00:00Z\",\"activeUntil\":\"2002-01-01T00:00:00+01:00\"}]}").expect(201);
        Api.Answer list = api.get("/api/v1/provisioning/privileges").as(api.operator()).tenant(tenant).send().expect(200);
        assertEquals(3, list.json().getInt("totalElements"));
        List<String> effective = list.content().stream().map(p -> p.getJsonObject("user").getString("username") + "="
                + p.getBoolean("effective")).toList();
        assertEquals(List.of("now=true", "past=false", "soon=false"), effective);
        assertEquals("2001-12-31T23:00:00Z", list.content().get(1).getString("activeUntil"));
    }

    @Test
    void badPrivilegeInputIsA400NamingTheField() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "u", null, null);
        String path = "/api/v1/provisioning/users/u/privilege";
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":\"OVERLORD\"}").send(), "role");
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{}").send(), "role");
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":5}").send(), "role");
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":\"USER\",\"activeFrom\":\"yesterday\"}")
                .send(), "activeFrom");
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":\"USER\","
                + "\"activeFrom\":\"2020-01-02T00:00:00Z\",\"activeUntil\":\"2020-01-01T00:00:00Z\"}").send(), "activeUntil");
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":\"USER\","
                + "\"activeFrom\":\"2020-01-01T00:00:00Z\",\"activeUntil\":\"2020-01-01T00:00:00Z\"}").send(), "activeUntil");
        expectField(api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":\"USER\",\"level\":9}").send(), "level");
        api.put(path).as(api.operator()).tenant(tenant).json("{\"role\":").send().expect(400);
        api.get(path).as(api.operator()).tenant(tenant).send().expect(404);
        api.put("/api/v1/provisioning/users/nobody/privilege").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"USER\"}").send().expect(404);
    }

    /** DESIGN "races give 409"; issue 12 "log flooding": each lost race is one line of the log, with its request id. */
    @Test
    void grantsRacingForOneUserAnswer200Or409NeverA500AndEachConflictIsOneLogLine() throws Exception {
        String tenant = api.newTenant();
        api.plainMember(tenant, "raced", "USER", null);
        String operator = api.operator();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> conflicts = new ArrayList<>();
        try {
            for (int round = 0; round < 10 && conflicts.isEmpty(); round++) {
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    String until = Instant.now().plus(30 + i, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
                    answers.add(pool.submit(() -> api.put("/api/v1/provisioning/users/raced/privilege").as(operator)
                            .tenant(tenant).json("{\"role\":\"USER\",\"activeUntil\":\"" + until + "\"}").send()));
                }
                for (Future<Api.Answer> answer : answers) {
                    Api.Answer a = answer.get();
                    assertTrue(a.status() == 200 || a.status() == 409, "answered " + a.status() + ": " + a.body());
                    if (a.status() == 409) {
                        assertEquals(409, a.json().getInt("status"), "a problem document");
                        conflicts.add(a.header("X-Request-Id"));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(conflicts.isEmpty(), "no request lost the race in ten rounds");
        List<String> log = Files.readAllLines(SharedRoster.log());
        for (String requestId : conflicts) {
            assertEquals(1, log.stream().filter(line -> line.contains(requestId) && !line.contains(ACCESS_LINE)).count(),
                    "log lines of " + requestId + " besides its access line");
        }
        assertFalse(log.stream().anyMatch(line -> line.contains("OptimisticLockException")), "no stack trace");
    }

    private static void expectField(Api.Answer answer, String field) {
        answer.expect(400);
        assertEquals(field, answer.json().getJsonArray("errors").getJsonObject(0).getString("field"), answer.body());
    }
}
