package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN "Scale and durability": one API call is one transaction, and an acknowledged write survives a crash.
 * Four clients create users (each with a privilege, its place in the active list and its audit event) until the
 * Roster process is killed as {@code kill -9} kills it; a new process on the same data folder must then hold every
 * user that was answered 201, and any user whose create was cut off must be wholly there or wholly absent.
 *
 * <p>It owns its Roster process, since it kills it; it runs with the production defaults.
 */
class CrashDurabilityIT {

    static final String PASSWORD = "crash-operator-1";
    static final String USERS = "/api/v1/provisioning/users";
    static final int WRITERS = 4;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedCreateSurvivesAKillAndNoCutOffCreateIsHalfThere() throws Exception {
        Path data = work.resolve("data");
        Map<String, String> operator = Map.of("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        try (RosterProcess roster = RosterProcess.start(work, data, operator)) {
            Api api = new Api(roster.url());
            String token = api.token("admin", PASSWORD, null);
            api.post("/api/v1/tenants").as(token).json("{\"label\":\"crash\",\"name\":\"Crash\"}").send().expect(201);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                String prefix = "w" + w + "-";
                writers.execute(() -> {
                    for (int i = 0; ; i++) {
                        String username = prefix + i;
                        attempted.add(username);
                        try {
                            Api.Answer answer = api.put(USERS + "/" + username).as(token).tenant("crash")
                                    .json(user(username)).send();
                            if (answer.status() != 201) {
                                return; // a refusal ends this writer; the test fails on the count below
                            }
                            acknowledged.add(username);
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            Poll.until(Duration.ofSeconds(120), "200 creates acknowledged", () -> acknowledged.size() >= 200);
            roster.kill();
            writers.shutdown();
            assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
        }

        try (RosterProcess restarted = RosterProcess.start(work, data, operator)) {
            Api api = new Api(restarted.url());
            String token = api.token("admin", PASSWORD, null);
            Set<String> listed = listed(api, token);
            assertTrue(listed.containsAll(acknowledged), "every acknowledged user is listed");
            assertTrue(attempted.containsAll(listed), "nothing else is listed");
            Set<String> created = createdEvents(api, token);
            assertEquals(listed, created, "each listed user has its audit event, and no event is left without its user");
            Set<String> cutOff = new TreeSet<>(attempted);
            cutOff.removeAll(acknowledged);
            assertTrue(cutOff.size() <= WRITERS, "at most one create per writer was in flight: " + cutOff);
            for (String username : attempted) {
                Api.Answer answer = api.get(USERS + "/" + username).as(token).tenant("crash").send();
                if (listed.contains(username)) {
                    JsonObject user = answer.expect(200).json();
                    assertEquals(username + "@crash.example", user.getString("email"));
                    assertEquals("Crash", user.getString("lastName"));
                    JsonObject privilege = user.getJsonArray("tenantUserPrivileges").getJsonObject(0);
                    assertEquals("USER", privilege.getString("role"));
                    assertTrue(privilege.getBoolean("effective"));
                } else {
                    answer.expect(404);
                }
            }
        }
    }

    private static String user(String username) {
        return "{\"email\":\"" + username + "@crash.example\",\"firstName\":\"" + username + "\",\"lastName\":\"Crash\","
                + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}";
    }

    /** Every page of the active list; the total each page states agrees with the list. */
    private static Set<String> listed(Api api, String token) {
        Set<String> usernames = new HashSet<>();
        for (int page = 0; ; page++) {
            Api.Answer answer = api.get(USERS + "?size=200&page=" + page).as(token).tenant("crash").send().expect(200);
            List<String> slice = answer.usernames();
            usernames.addAll(slice);
            if (slice.size() < 200) {
                assertEquals(usernames.size(), answer.json().getInt("totalElements"), "the total matches the list");
                return usernames;
            }
        }
    }

    private static Set<String> createdEvents(Api api, String token) {
        Set<String> targets = new HashSet<>();
        for (int page = 0; ; page++) {
            List<JsonObject> events = api.get("/api/v1/provisioning/events?size=200&page=" + page).as(token)
                    .tenant("crash").send().expect(200).content();
            events.stream().filter(e -> e.getString("action").equals("user.created"))
                    .forEach(e -> targets.add(e.getString("target")));
            if (events.size() < 200) {
                return targets;
            }
        }
    }
}
