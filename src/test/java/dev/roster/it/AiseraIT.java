package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aisera's user provisioning API (seed 000) as an Aisera client calls it: the document's three sample requests,
 * verbatim, with {@code Authorization} and {@code x-app-token} together; roles by display name; users by e-mail
 * address; de-provisioning that keeps the record and a second provisioning that restores it; its error shape.
 */
class AiseraIT extends RosterIT {

    /** Seed 000 "Provision", as the document prints it. */
    static final String PROVISION = """
            {\s
               "username": "platform.user",
               "firstName": "Platform",
               "lastName": "User",\s
               "email": "platform_user@company.com",\s
               "password": "*********",
               "role": "Administrator"\s
             }""";
    /** Seed 000 "Update", as the document prints it. */
    static final String UPDATE = """
            {\s
               "username": "platform user",
               "firstName": "Platform",
               "lastName": "User",\s
               "password": "**********",
               "roles": ["Help Desk Agent", "IT Specialist"]\s
             }""";
    static final String EMAIL = "platform_user@company.com";

    String tenant;
    String admin;
    String key;

    @BeforeEach
    void tenantWithAiseraOn() {
        tenant = api.newTenant();
        api.put("/api/v1/tenants/" + tenant + "/services/aisera").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
        key = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\": \"Aisera\"}").send().expect(201)
                .json().getString("apiToken");
        for (String role : List.of("Help Desk Agent", "IT Specialist")) {
            api.post("/api/v1/provisioning/roles").as(admin).json("{\"name\": \"" + role + "\", \"weight\": 5}").send()
                    .expect(201);
        }
    }

    @Test
    void theDocumentsThreeCallsProvisionUpdateAndDeprovisionAUser() {
        JsonObject provisioned = aisera("POST", "/scim/provision-user").json(PROVISION).send().expect(201).json();
        assertEquals("platform.user", provisioned.getString("username"));
        assertEquals(EMAIL, provisioned.getString("email"));
        assertEquals(List.of("Administrator"), roles(provisioned));
        assertFalse(provisioned.containsKey("password"));
        api.token("platform.user", "*********", tenant); // the password was set

        JsonObject updated = aisera("PUT", "/scim/update-user/" + EMAIL).json(UPDATE).send().expect(200).json();
        assertEquals(List.of("Help Desk Agent", "IT Specialist"), roles(updated),
                "updated from Administrator to Help Desk Agent and IT Specialist");
        assertEquals("platform.user", updated.getString("username"), "usernames do not change");
        JsonObject read = api.get("/api/v1/provisioning/users/platform.user").as(admin).send().expect(200).json();
        assertEquals(2, read.getJsonArray("tenantUserPrivileges").size());

        JsonObject gone = aisera("DELETE", "/scim/de-provision-user/" + EMAIL).send().expect(200).json();
        assertEquals("DEPROVISIONED", gone.getString("status"));
        assertEquals(List.of(), roles(gone));
        assertFalse(api.get("/api/v1/provisioning/users").as(admin).send().expect(200).usernames()
                .contains("platform.user"), "a de-provisioned user leaves the active list");
        assertTrue(api.login("platform.user", "**********", tenant).expect(400).json().getString("error_description")
                .contains("deprovisioned"), "it signs in no more");
        assertEquals("DEPROVISIONED", api.get("/api/v1/provisioning/users/platform.user").as(admin).send().expect(200)
                .json().getString("status"), "its record stays");
    }

    @Test
    void provisioningTheSameAddressAgainRestoresTheUserAndItsHistory() {
        String id = aisera("POST", "/scim/provision-user").json(PROVISION).send().expect(201).json().getString("id");
        aisera("POST", "/scim/de-provision-user/" + EMAIL).send().expect(200);
        aisera("POST", "/scim/de-provision-user/" + EMAIL).send().expect(200); // harmless again
        JsonObject restored = aisera("POST", "/scim/provision-user").json("{\"email\": \"" + EMAIL.toUpperCase()
                + "\", \"roles\": [\"it specialist\"]}").send().expect(200).json();
        assertEquals(id, restored.getString("id"));
        assertEquals("ACTIVE", restored.getString("status"));
        assertEquals(List.of("IT Specialist"), roles(restored));
        String events = api.get("/api/v1/provisioning/events?size=100").as(admin).send().expect(200).body();
        assertTrue(events.contains("user.deprovisioned") && events.contains("user.created"), events);
        assertEquals(409, aisera("POST", "/scim/provision-user").json(PROVISION).send().status(),
                "an active user's address is taken");
    }

    @Test
    void updateAndDeprovisionAlsoTakeTheOtherMethodAndBasicCredentials() {
        aisera("POST", "/scim/provision-user").json(PROVISION).send().expect(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("boss:" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        JsonObject updated = api.post("/scim/update-user/" + EMAIL).header("Authorization", basic).tenant(tenant)
                .header("x-app-token", key).json("{\"role\": \"help desk agent\", \"lastName\": \"Person\"}").send()
                .expect(200).json();
        assertEquals(List.of("Help Desk Agent"), roles(updated));
        assertEquals("Person", updated.getString("lastName"));
        api.delete("/scim/de-provision-user/" + EMAIL).header("Authorization", basic).tenant(tenant)
                .header("x-app-token", key).send().expect(200);
    }

    @Test
    void bothCredentialsAreRequiredAndMustProveTheSameUser() {
        JsonObject onlyBearer = api.post("/scim/provision-user").as(admin).json(PROVISION).send().expect(401).json();
        assertEquals(401, onlyBearer.getInt("status"));
        assertTrue(onlyBearer.getString("message").contains("x-app-token"), onlyBearer.toString());
        api.post("/scim/provision-user").header("x-app-token", key).json(PROVISION).send().expect(401);
        api.post("/scim/provision-user").json(PROVISION).send().expect(401);
        String other = api.member(tenant, "other", "ADMINISTRATOR", null);
        api.post("/scim/provision-user").as(other).header("x-app-token", key).json(PROVISION).send().expect(401);
        api.post("/scim/provision-user").as(admin).header("x-app-token", "rk_wrong").json(PROVISION).send()
                .expect(401);
        String helper = api.member(tenant, "helper", "TEAM_LEADER", null);
        String helperKey = api.post("/api/v1/provisioning/api-keys").as(helper).json("{\"name\": \"h\"}").send()
                .expect(201).json().getString("apiToken");
        JsonObject forbidden = api.post("/scim/provision-user").as(helper).header("x-app-token", helperKey)
                .json(PROVISION).send().expect(403).json();
        assertEquals("Forbidden", forbidden.getString("error"));
        api.get("/api/v1/provisioning/users/platform.user").as(admin).send().expect(404);
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheRolesThatExistAndNothingIsWritten() {
        JsonObject refused = aisera("POST", "/scim/provision-user").json(PROVISION.replace("Administrator",
                "Help Desk Agnet")).send().expect(400).json();
        assertEquals(List.of("status", "error", "message", "requestId"), List.copyOf(refused.keySet()));
        String message = refused.getString("message");
        assertTrue(message.contains("Help Desk Agnet") && message.contains("Help Desk Agent")
                && message.contains("Administrator"), message);
        api.get("/api/v1/provisioning/users/platform.user").as(admin).send().expect(404);
        aisera("POST", "/scim/provision-user").json(PROVISION).send().expect(201);
        aisera("PUT", "/scim/update-user/" + EMAIL).json("{\"roles\": [\"IT Specialist\", \"Janitor\"]}").send()
                .expect(400);
        assertEquals(List.of("Administrator"), roles(aisera("PUT", "/scim/update-user/" + EMAIL)
                .json("{\"firstName\": \"P\"}").send().expect(200).json()), "the refused update changed nothing");
    }

    @Test
    void badInputIsRefusedInAiserasErrorShape() {
        for (String body : List.of("{\"email\": ", "[]", "{\"email\": \"x@company.com\", \"mail\": \"typo\"}",
                "{\"email\": \"not-an-address\"}", "{\"username\": \"nobody\"}",
                "{\"email\": \"x@company.com\", \"role\": \"User\", \"roles\": [\"User\"]}",
                "{\"email\": \"x@company.com\", \"firstName\": 42}",
                "{\"email\": \"x@company.com\", \"password\": \"short\"}")) {
            JsonObject refused = aisera("POST", "/scim/provision-user").json(body).send().expect(400).json();
            assertEquals(400, refused.getInt("status"), body);
            assertFalse(refused.getString("message").isBlank(), body);
        }
        JsonObject missing = aisera("PUT", "/scim/update-user/nobody@company.com").json("{\"firstName\": \"N\"}").send()
                .expect(404).json();
        assertTrue(missing.getString("message").contains("nobody@company.com"), missing.toString());
        aisera("DELETE", "/scim/de-provision-user/nobody@company.com").send().expect(404);
    }

    @Test
    void anotherTenantsUsersAreOutOfReachAndTheServiceIsTheTenantsChoice() {
        aisera("POST", "/scim/provision-user").json(PROVISION).send().expect(201);
        String other = api.newTenant();
        String stranger = api.member(other, "boss", "ADMINISTRATOR", null);
        String strangerKey = api.post("/api/v1/provisioning/api-keys").as(stranger).json("{\"name\": \"k\"}").send()
                .expect(201).json().getString("apiToken");
        JsonObject off = api.post("/scim/provision-user").as(stranger).header("x-app-token", strangerKey)
                .json(PROVISION).send().expect(403).json();
        assertTrue(off.getString("message").contains("aisera"), off.toString());
        api.put("/api/v1/tenants/" + other + "/services/aisera").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        api.call("PUT", "/scim/update-user/" + EMAIL).as(stranger).header("x-app-token", strangerKey)
                .json("{\"firstName\": \"Mallory\"}").send().expect(404);
        api.delete("/scim/de-provision-user/" + EMAIL).as(stranger).header("x-app-token", strangerKey).tenant(tenant)
                .send().expect(403);
        assertEquals("Platform", api.get("/api/v1/provisioning/users/platform.user").as(admin).send().expect(200)
                .json().getString("firstName"));
    }

    private Api.Call aisera(String method, String path) {
        return api.call(method, path).as(admin).header("x-app-token", key);
    }

    private static List<String> roles(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
