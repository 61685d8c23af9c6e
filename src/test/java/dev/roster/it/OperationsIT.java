package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roster.it.shared.SharedRoster;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of requests: one access line each, and metrics by route template (issue 14, in part).
 * Requests refused by the authentication mechanism never reach a filter, so they are the ones checked here.
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

    private double requests(String method, String status) {
        return api.metric("roster_http_requests_seconds_count", "route", ROUTE, "method", method, "status", status);
    }

    private static List<String> lines(String requestId) {
        try {
            return Files.readAllLines(SharedRoster.log()).stream()
                    .filter(line -> line.contains(PrivilegesIT.ACCESS_LINE) && line.contains("request=" + requestId)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertContains(String line, String part) {
        if (!line.contains(part)) {
            throw new AssertionError("expected '" + part + "' in: " + line);
        }
    }
}
