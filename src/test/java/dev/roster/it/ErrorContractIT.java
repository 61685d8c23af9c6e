package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * One error contract per protocol: the same failure (a credential that does not hold, a path that does not exist)
 * answered in the shape of the protocol the request was for, by the authentication mechanism and by the
 * container's error page alike, always with {@code X-Request-Id}.
 */
class ErrorContractIT extends RosterIT {

    static final String FORGED = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void aRefusedCredentialIsAProblemOnTheNativeApi() {
        Api.Answer answer = refused("/api/v1/provisioning/users");
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("urn:roster:problem:unauthorized", answer.json().getString("type"));
        assertEquals(answer.header("X-Request-Id"), answer.json().getString("requestId"));
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void aRefusedCredentialIsAScimErrorUnderScimV2() {
        Api.Answer answer = refused("/scim/v2/Users");
        assertTrue(answer.header("Content-Type").startsWith("application/scim+json"));
        JsonObject error = answer.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", error.getJsonArray("schemas").getString(0));
        assertEquals("401", error.getString("status"));
        assertTrue(error.getString("detail").contains("bearer token"));
    }

    @Test
    void aRefusedCredentialIsTheAiseraShapeOnTheAiseraPaths() {
        Api.Answer answer = api.get("/scim/provision-user").header("Authorization", FORGED)
                .header("x-app-token", "rk_forged").send().expect(401);
        JsonObject error = answer.json();
        assertEquals(401, error.getInt("status"));
        assertEquals("Unauthorized", error.getString("error"));
        assertTrue(error.getString("message").contains("bearer token"));
        assertEquals(answer.header("X-Request-Id"), error.getString("requestId"));
    }

    @Test
    void aRefusedCredentialIsTheKoreAiShapeOnTheKoreAiPaths() {
        Api.Answer answer = api.get("/api/public/users").header("auth", FORGED.substring(7)).send().expect(401);
        assertNotNull(answer.header("X-Request-Id"));
        JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(401, error.getInt("code"));
        assertTrue(error.getString("msg").contains("bearer token"));
    }

    @Test
    void wrongClientCredentialsAreAnOAuthErrorOnTheTokenEndpoint() {
        Api.Answer answer = api.post("/api/v1/provisioning/token").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("some-id:rk_wrong".getBytes()))
                .form(java.util.Map.of("grant_type", "client_credentials")).send().expect(401);
        assertEquals("invalid_client", answer.json().getString("error"));
        assertNotNull(answer.header("X-Request-Id"));
    }

    @Test
    void theContainersOwnNotFoundIsInTheShapeOfItsPath() {
        Api.Answer page = api.get("/no-such-page").send().expect(404);
        assertTrue(page.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(page.header("X-Request-Id"), page.json().getString("requestId"));
        Api.Answer scim = api.get("/scim/v2/NoSuchResource").send().expect(404);
        assertTrue(scim.header("Content-Type").startsWith("application/scim+json"));
        assertEquals("404", scim.json().getString("status"));
        assertNotNull(scim.header("X-Request-Id"));
    }

    @Test
    void aGetWithABodyReachesRosterAndIsAnsweredInItsShape() {
        String answer = RawHttp.response(base, "GET /api/v1/provisioning/info HTTP/1.1", "abc");
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.contains("X-Request-Id: "), answer);
        assertTrue(answer.contains("\"type\":\"urn:roster:problem:unauthorized\""), answer);
    }

    @Test
    void writingOutsideTheApiIsAMethodNotAllowedNotARefusal() {
        for (String method : new String[] {"PUT", "DELETE"}) {
            Api.Answer answer = api.call(method, "/some/page").send();
            assertEquals(405, answer.status(), method + ": " + answer.body());
            assertTrue(answer.header("Allow").contains("GET"));
            assertEquals("urn:roster:problem:http-405", answer.json().getString("type"));
        }
        assertEquals("urn:roster:problem:http-404", api.post("/some/page").send().expect(404).json().getString("type"));
    }

    @Test
    void aDeleteThatAcceptsOnlyProblemDocumentsIsServed() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "leaver", "USER", null);
        api.delete("/api/v1/provisioning/users/leaver").as(api.operator()).tenant(tenant)
                .header("Accept", "application/problem+json").send().expect(204);
        Api.Answer missing = api.delete("/api/v1/provisioning/users/leaver-not").as(api.operator()).tenant(tenant)
                .header("Accept", "application/problem+json").send().expect(404);
        assertEquals("application/problem+json", missing.header("Content-Type"));
    }

    private Api.Answer refused(String path) {
        Api.Answer answer = api.get(path).header("Authorization", FORGED).send().expect(401);
        assertNotNull(answer.header("X-Request-Id"));
        return answer;
    }
}
