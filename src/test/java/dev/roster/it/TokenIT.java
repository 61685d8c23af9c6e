package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint, bearer tokens, and the service documents (health, OpenAPI). */
class TokenIT extends RosterIT {

    @Test
    void aTokenRequestThatIsNotAFormIsRefusedNamingTheFormType() {
        String form = "grant_type=password&username=nobody&password=wrong-password";
        for (String type : new String[] {null, "*/*", "application/*", "application/json", "text/plain"}) {
            Api.Answer answer = api.post("/api/v1/provisioning/token").body(type, form).send();
            assertEquals(415, answer.status(), type + ": " + answer.body());
            assertTrue(answer.json().getString("detail").contains("application/x-www-form-urlencoded"), answer.body());
            assertEquals("invalid_request", answer.json().getString("error"));
        }
    }

    @Test
    void healthReportsTheDatabase() {
        Api.Answer health = api.get("/health").send().expect(200);
        assertTrue(health.body().contains("\"database\""), health.body());
        assertEquals("UP", health.json().getString("status"));
    }

    @Test
    void operatorObtainsABearerTokenThatMicroProfileJwtAccepts() {
        Api.Answer answer = api.login(Api.OPERATOR, Api.OPERATOR_PASSWORD, null).expect(200);
        JsonObject token = answer.json();
        assertEquals("Bearer", token.getString("token_type"));
        assertTrue(token.getJsonNumber("expires_in").longValue() > 0);
        assertEquals("no-store", answer.header("Cache-Control"));
        JsonObject claims = claims(token.getString("access_token"));
        assertEquals(Api.OPERATOR, claims.getString("upn"));
        assertEquals("RS256", header(token.getString("access_token")).getString("alg"));
        api.get("/api/v1/tenants").as(token.getString("access_token")).send().expect(200);
    }

    @Test
    void tenantUserTokenCarriesTenantUserAndRoles() {
        String tenant = api.newTenant();
        String token = api.member(tenant, "alice", "ADMINISTRATOR", null);
        JsonObject claims = claims(token);
        assertEquals(tenant, claims.getString("tenant"));
        assertEquals("alice", claims.getString("upn"));
        assertEquals("ADMINISTRATOR", claims.getJsonArray("groups").getString(0));
        assertTrue(claims.getJsonNumber("exp").longValue() > claims.getJsonNumber("iat").longValue());
    }

    @Test
    void tenantMayBeNamedInTheXTenantHeader() {
        String tenant = api.newTenant();
        api.member(tenant, "alice", "USER", null);
        Api.Answer answer = api.post("/api/v1/provisioning/token").tenant(tenant)
                .form(Map.of("grant_type", "password", "username", "alice", "password", Api.PASSWORD)).send();
        assertEquals(tenant, claims(answer.expect(200).json().getString("access_token")).getString("tenant"));
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownTenantGetTheSameAnswer() {
        String tenant = api.newTenant();
        api.member(tenant, "alice", "USER", null);
        Api.Answer wrongPassword = api.login("alice", "not-the-password", tenant).expect(400);
        Api.Answer unknownUser = api.login("nobody", "not-the-password", tenant).expect(400);
        Api.Answer unknownTenant = api.login("alice", Api.PASSWORD, "no-such-tenant-x").expect(400);
        Api.Answer wrongOperator = api.login(Api.OPERATOR, "not-the-password", null).expect(400);
        for (Api.Answer answer : new Api.Answer[] {wrongPassword, unknownUser, unknownTenant, wrongOperator}) {
            assertEquals("invalid_grant", answer.json().getString("error"));
            assertEquals(wrongPassword.json().getString("detail"), answer.json().getString("detail"));
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
            assertFalse(answer.body().contains("not-the-password"));
        }
    }

    @Test
    void userOfOneTenantCannotSignInToAnother() {
        String tenant = api.newTenant();
        String other = api.newTenant();
        api.member(tenant, "alice", "ADMINISTRATOR", null);
        assertEquals("invalid_grant", api.login("alice", Api.PASSWORD, other).expect(400).json().getString("error"));
    }

    @Test
    void badTokenRequestsAreRefusedWithOAuthErrors() {
        assertEquals("invalid_request", api.post("/api/v1/provisioning/token")
                .form(Map.of("username", "a", "password", "b")).send().expect(400).json().getString("error"));
        assertEquals("unsupported_grant_type", api.post("/api/v1/provisioning/token")
                .form(Map.of("grant_type", "implicit")).send().expect(400).json().getString("error"));
        assertEquals("invalid_request", api.post("/api/v1/provisioning/token")
                .form(Map.of("grant_type", "password", "username", "a")).send().expect(400).json().getString("error"));
        String huge = "x".repeat(5000);
        api.post("/api/v1/provisioning/token").form(Map.of("grant_type", "password", "username", huge,
                "password", huge)).send().expect(400);
        api.post("/api/v1/provisioning/token").json("{\"grant_type\":\"password\"}").send().expect(415);
    }

    @Test
    void userWithoutAnActivePrivilegeGetsNoToken() {
        String tenant = api.newTenant();
        api.putUser(tenant, "idle", "{\"email\":\"idle@example.com\",\"password\":\"" + Api.PASSWORD + "\"}")
                .expect(201);
        Api.Answer answer = api.login("idle", Api.PASSWORD, tenant).expect(400);
        assertTrue(answer.json().getString("detail").contains("no privilege"), answer.body());
    }

    @Test
    void missingMalformedForgedAndForeignSchemeCredentialsAre401() {
        Api.Answer missing = api.get("/api/v1/provisioning/users").send().expect(401);
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"));
        assertNotNull(missing.header("WWW-Authenticate"));
        api.get("/api/v1/provisioning/users").header("Authorization", "Bearer not-a-jwt").send().expect(401);
        String token = api.operator();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        api.get("/api/v1/tenants").as(forged).send().expect(401);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(token).toString().replace("\"upn\"", "\"xupn\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        api.get("/api/v1/tenants").as(tampered).send().expect(401);
        api.get("/api/v1/tenants").header("Authorization", "Digest abc").send().expect(401);
    }

    @Test
    void anAddressOutsideTheApiAnswersAProblemNotAnHtmlPage() {
        Api.Answer missing = api.get("/no-such-page").send().expect(404);
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"), missing.body());
        assertEquals(404, missing.json().getInt("status"));
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        JsonObject claims = claims(api.operator());
        String unsigned = header + "." + b64(claims.toString()) + ".";
        api.get("/api/v1/tenants").as(unsigned).send().expect(401);
    }

    @Test
    void openApiDocumentsEveryEndpointForCodeGeneration() {
        JsonObject document = api.get("/openapi").header("Accept", "application/json").send().expect(200).json();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : new String[] {"/api/v1/provisioning/token", "/api/v1/provisioning/users",
                "/api/v1/provisioning/users/{username}", "/api/v1/provisioning/users/{username}/privilege",
                "/api/v1/provisioning/privileges", "/api/v1/provisioning/privileges/{id}",
                "/api/v1/provisioning/as-users", "/api/v1/provisioning/info", "/api/v1/provisioning/details",
                "/api/v1/provisioning/events", "/api/v1/tenants", "/api/v1/tenants/{label}"}) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path);
        }
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        int operations = 0;
        for (String path : paths.keySet()) {
            for (var operation : paths.getJsonObject(path).values()) {
                operations++;
                operationIds.add(operation.asJsonObject().getString("operationId"));
            }
        }
        assertEquals(operations, operationIds.size(), "operation ids are unique");
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.getJsonObject("User").getJsonObject("properties").containsKey("tenantUserPrivileges"));
        assertEquals("date-time", schemas.getJsonObject("User").getJsonObject("properties")
                .getJsonObject("createdAt").getString("format"));
        assertTrue(schemas.getJsonObject("Problem").getJsonObject("properties").containsKey("errors"));
        JsonObject getUser = paths.getJsonObject("/api/v1/provisioning/users/{username}").getJsonObject("get");
        assertTrue(getUser.getString("description").contains("within its reach"));
        assertTrue(getUser.getJsonObject("responses").containsKey("404"));
        String text = document.toString();
        assertTrue(text.contains("application/problem+json"));
        assertTrue(text.contains("tenant+mobilitus@activitystream.com"), "the seed's example is in the document");
        assertFalse(text.contains("maxProperties\":0"), "no constraint that would reject every object");
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(text);
        while (ref.find()) {
            assertTrue(schemas.containsKey(ref.group(1)), "dangling reference to " + ref.group(1));
        }
        for (String path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                JsonObject responses = entry.getValue().asJsonObject().getJsonObject("responses");
                for (String code : new String[] {"200", "201"}) {
                    if (responses.containsKey(code)) {
                        assertTrue(responses.getJsonObject(code).containsKey("content"),
                                entry.getKey() + " " + path + " " + code + " names no schema");
                    }
                }
            }
        }
    }

    static JsonObject claims(String jwt) {
        return json(jwt.split("\\.")[1]);
    }

    static JsonObject header(String jwt) {
        return json(jwt.split("\\.")[0]);
    }

    private static JsonObject json(String base64) {
        String text = new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
