package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.it.shared.SharedRoster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of requests: one access line each, metrics by route template and of the connection pool,
 * and security events in the log with their request id (issue 14, in part). Requests refused by the authentication
 * mechanism never reach a filter, so they are among the ones checked here.
 */
class OperationsIT extends RosterIT {

    static final String ROUTE = "/api/v1/provisioning/users/{username}";

    @Test
    void eachRequestHasOneAccessLineWithItsRouteTenantAndCredentialKindAndNoSecretOrValue() {
        String tenant = api.newTenant();
        String token = api.member(tenant, "watched", "USER", null);
        String ok = "ops-" + UUID.randomUUID();
        String refused = "ops-" + UUID.randomUUID();
        api.get("/api/v1/provisioning/users/watched").as(token).header("X-Request-Id", ok).send().expect(200);
        api.get("/api/v1/provisioning/users/watched").as(token + "x").header("X-Request-Id", refused).send().expect(401);

        Poll.until(Duration.ofSeconds(10), "both access lines are written", () -> lines(ok).size() == 1
                && lines(refused).size() == 1);
        String accepted = lines(ok).get(0);
        assertContains(accepted, "GET " + ROUTE + " 200 ");
        assertContains(accepted, "tenant=" + tenant);
        assertContains(accepted, "credential=bearer");
        assertContains(lines(refused).get(0), "GET " + ROUTE + " 401 ");
        assertContains(lines(refused).get(0), "credential=bearer");
        for (String line : List.of(accepted, lines(refused).get(0))) {
            assertFalse(line.contains(token), "no token in the access line");
            assertFalse(line.contains("/users/watched"), "no path value, only the route: " + line);
        }
    }

    @Test
    void requestsAreCountedByRouteMethodAndStatusAndRefusedCredentialsByKind() {
        String tenant = api.newTenant();
        String token = api.member(tenant, "counted", "USER", null);
        double okBefore = requests("GET", "200");
        double refusedBefore = requests("GET", "401");
        double keysBefore = api.metric("roster_credentials_refused_total", "credential", "api-key");
        api.get("/api/v1/provisioning/users/counted").as(token).send().expect(200);
        api.get("/api/v1/provisioning/users/counted").as(token).send().expect(200);
        api.get("/api/v1/provisioning/users/counted").header("x-app-token", "not-a-key-" + UUID.randomUUID()).send()
                .expect(401);
        assertEquals(2, requests("GET", "200") - okBefore, 0.0, "two reads of the route, whoever read what else");
        assertEquals(1, requests("GET", "401") - refusedBefore, 0.0);
        assertEquals(1, api.metric("roster_credentials_refused_total", "credential", "api-key") - keysBefore, 0.0);
        assertFalse(api.get("/metrics").header("Accept", "text/plain").send().body().contains("/users/counted"),
                "no label carries a username");
    }

    @Test
    void rostersOwnConnectionPoolIsOnMetrics() {
        assertEquals(32, api.metric("roster_db_pool_max_connections"), 0.0, "the default roster.db.pool-size");
        double used = api.metric("roster_db_pool_connections", "state", "used");
        double free = api.metric("roster_db_pool_connections", "state", "free");
        assertTrue(used >= 0 && free >= 0 && used + free >= 1, "the pool is read, not -1: " + used + " used, " + free
                + " free");
    }

    @Test
    void failedSignInsAndRevocationsAreLoggedWithTheirRequestIdAndCountedByKind() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "keeper", "ADMINISTRATOR", null);
        double before = api.metric("roster_credentials_refused_total", "credential", "password");
        String failed = "ops-" + UUID.randomUUID();
        api.post("/api/v1/provisioning/token").header("X-Request-Id", failed).form(Map.of("grant_type",
                "password", "username", "keeper", "password", "not-the-password", "tenant", tenant)).send().expect(400);
        assertEquals(1, api.metric("roster_credentials_refused_total", "credential", "password") - before, 0.0);
        String key = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"doomed\"}").send().expect(201)
                .json().getString("id");
        String revoked = "ops-" + UUID.randomUUID();
        api.delete("/api/v1/provisioning/api-keys/" + key).as(admin).header("X-Request-Id", revoked).send().expect(204);
        Poll.until(Duration.ofSeconds(10), "both events are in the log", () -> {
            List<String> log = log();
            return log.stream().anyMatch(line -> line.contains("Failed sign-in for account '" + tenant + "/keeper'")
                    && line.contains("request " + failed) && !line.contains("not-the-password"))
                    && log.stream().anyMatch(line -> line.contains("apikey.revoked") && line.contains("request " + revoked));
        });
    }

    @Test
    void refusalsAndBadInputLeaveNoStackTraceInTheLog() throws IOException {
        String tenant = api.newTenant();
        long before = Files.readAllLines(SharedRoster.log()).size();
        String last = "ops-" + UUID.randomUUID();
        api.get("/api/v1/provisioning/users").as("not-a-token").send().expect(401);
        api.get("/api/v1/provisioning/users").header("Authorization", "Basic bm86bm8=").tenant(tenant).send()
                .expect(401);
        api.put("/api/v1/provisioning/users/x").as(api.operator()).tenant(tenant).json("{\"email\": [").send()
                .expect(400);
        api.put("/api/v1/provisioning/users/x").as(api.operator()).tenant(tenant).body("text/xml", "<x/>").send()
                .expect(415);
        api.get("/api/v1/provisioning/users/x").as(api.operator()).tenant(tenant).header("Accept", "text/csv").send()
                .expect(406);
        api.get("/api/v1/provisioning/nothing-here").as(api.operator()).send().expect(404);
        api.call("PATCH", "/api/v1/tenants").as(api.operator()).json("{}").send().expect(405);
        api.get("/api/v1/tenants/" + tenant).as(api.operator()).header("X-Request-Id", last).send().expect(200);
        Poll.until(Duration.ofSeconds(10), "the last access line is written", () -> lines(last).size() == 1);
        List<String> added = log().subList((int) before, log().size());
        assertFalse(added.stream().anyMatch(line -> line.startsWith("\tat ") || line.contains("Exception")),
                () -> String.join("\n", added));
    }

    private double requests(String method, String status) {
        return api.metric("roster_http_requests_seconds_count", "route", ROUTE, "method", method, "status", status);
    }

    private static List<String> lines(String requestId) {
        return log().stream().filter(line -> line.contains(PrivilegesIT.ACCESS_LINE)
                && line.contains("request=" + requestId)).toList();
    }

    private static List<String> log() {
        try {
            return Files.readAllLines(SharedRoster.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertContains(String line, String part) {
        if (!line.contains(part)) {
            throw new AssertionError("expected '" + part + "' in: " + line);
        }
    }
}
