package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain mappings: the seed's paths, platform-wide uniqueness, and the tenant a request's Host puts it in. */
class DomainMappingsIT extends RosterIT {

    static final String PATH = "/api/v1/provisioning/domain-mapping";

    String tenant;
    String admin;
    /** A domain unique to this test, so tests share nothing whatever the database already holds. */
    String domain;

    @BeforeEach
    void tenantWithAnAdministrator() {
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        domain = "cooori-" + java.util.UUID.randomUUID().toString().substring(0, 12) + ".localhost";
    }

    @Test
    void theSeedsMappingIsAddedListedUpdatedAndDeleted() {
        String seed = """
                {
                    "domain": "%s",
                    "icon": "",
                    "theme": "",
                    "activeFrom": "2014-09-09T13:50:17Z",
                    "activeUntil": null
                }""".formatted(domain.toUpperCase());
        Api.Answer added = api.post(PATH).as(admin).json(seed).send().expect(201);
        JsonObject mapping = added.json();
        assertEquals(domain, mapping.getString("domain"), "stored lower-case");
        assertEquals(List.of("domain", "icon", "theme", "activeFrom", "activeUntil"), List.copyOf(mapping.keySet()));
        assertEquals("2014-09-09T13:50:17Z", mapping.getString("activeFrom"));
        assertTrue(added.header("Location").endsWith(PATH + "/" + domain));
        assertEquals(List.of(domain), api.get(PATH).as(admin).send().expect(200).content().stream()
                .map(m -> m.getString("domain")).toList());
        JsonObject updated = api.put(PATH + "/" + domain).as(admin).json("{\"icon\":\"cooori.png\",\"theme\":\"dark\"}")
                .send().expect(200).json();
        assertEquals("cooori.png", updated.getString("icon"));
        assertTrue(updated.isNull("activeFrom"), "PUT replaces the mapping's settings");
        JsonObject details = api.get("/api/v1/provisioning/details").as(admin).send().expect(200).json();
        assertEquals(domain, details.getJsonArray("tenantDomainMappings").getJsonObject(0).getString("domain"));
        api.delete(PATH + "/" + domain).as(admin).send().expect(204);
        api.delete(PATH + "/" + domain).as(admin).send().expect(404);
        assertEquals(0, api.get(PATH).as(admin).send().json().getInt("totalElements"));
    }

    @Test
    void aDomainBelongsToOneTenantAndTheRefusalDoesNotSayWhich() {
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\"}").send().expect(201);
        String other = api.newTenant();
        String otherAdmin = api.member(other, "admin", "ADMINISTRATOR", null);
        Api.Answer taken = api.post(PATH).as(otherAdmin).json("{\"domain\":\"" + domain.toUpperCase() + "\"}").send()
                .expect(409);
        assertFalse(taken.body().contains(tenant), "does not name the owner");
        api.put(PATH + "/" + domain).as(otherAdmin).json("{\"icon\":\"x\"}").send().expect(404);
        api.delete(PATH + "/" + domain).as(otherAdmin).send().expect(404);
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\"}").send().expect(409);
    }

    @Test
    void badInputIsA400NamingTheField() {
        for (String bad : new String[] {"not a domain", "localhost", "-bad.example.com", "bad-.example.com",
                "a..example.com", "exa_mple.com", "x".repeat(64) + ".com", "1.2.3.4"}) {
            Api.Answer answer = api.post(PATH).as(admin).json("{\"domain\":\"" + bad + "\"}").send().expect(400);
            assertEquals("domain", answer.json().getJsonArray("errors").getJsonObject(0).getString("field"), bad);
        }
        api.post(PATH).as(admin).json("{}").send().expect(400);
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\",\"activeFrom\":\"2020-02-01T00:00:00Z\","
                + "\"activeUntil\":\"2020-01-01T00:00:00Z\"}").send().expect(400);
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\",\"owner\":\"me\"}").send().expect(400);
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\",\"icon\":7}").send().expect(400);
        assertEquals(0, api.get(PATH).as(admin).send().json().getInt("totalElements"), "nothing was written");
    }

    @Test
    void onlyTheAdministratorChangesMappingsAndUsersDoNotSeeThem() {
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        String user = api.member(tenant, "user", "USER", null);
        api.get(PATH).as(auditor).send().expect(200);
        api.post(PATH).as(auditor).json("{\"domain\":\"" + domain + "\"}").send().expect(403);
        api.get(PATH).as(user).send().expect(403);
    }

    @Test
    void onAMappedHostTheTokenEndpointAndBasicNeedNoTenant() {
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\"}").send().expect(201);
        String token = api.post("/api/v1/provisioning/token").header("Host", domain)
                .form(Map.of("grant_type", "password", "username", "admin", "password", Api.PASSWORD)).send()
                .expect(200).json().getString("access_token");
        assertEquals(tenant, TokenIT.claims(token).getString("tenant"));
        api.get("/api/v1/provisioning/users").header("Host", domain).header("Authorization", basic("admin", Api.PASSWORD))
                .send().expect(200);
        api.get("/api/v1/provisioning/users").header("Authorization", basic("admin", Api.PASSWORD)).send().expect(401);
        api.get("/api/v1/provisioning/users").header("Host", domain.toUpperCase() + ":8080").as(token).send().expect(200);
    }

    @Test
    void aCredentialOfAnotherTenantIsRefusedOnAMappedHost() {
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\"}").send().expect(201);
        String other = api.newTenant();
        String otherAdmin = api.member(other, "admin", "ADMINISTRATOR", null);
        api.get("/api/v1/provisioning/users").header("Host", domain).as(otherAdmin).send().expect(401);
        api.get("/api/v1/provisioning/users").header("Host", domain).header("Authorization", basic("admin", Api.PASSWORD))
                .tenant(other).send().expect(401);
        String key = api.post("/api/v1/provisioning/api-keys").as(otherAdmin).json("{\"name\":\"k\"}").send().expect(201)
                .json().getString("apiToken");
        api.get("/api/v1/provisioning/users").header("Host", domain).header("x-app-token", key).send().expect(401);
        api.post("/api/v1/provisioning/token").header("Host", domain)
                .form(Map.of("grant_type", "client_credentials", "client_secret", key)).send().expect(401);
        api.get("/api/v1/provisioning/users").as(otherAdmin).send().expect(200);
        api.get("/api/v1/provisioning/info").header("Host", domain).as(api.operator()).send().expect(200);
    }

    @Test
    void aMappingOutsideItsWindowPutsNobodyInTheTenant() {
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\",\"activeUntil\":\"2001-01-01T00:00:00Z\"}")
                .send().expect(201);
        api.post("/api/v1/provisioning/token").header("Host", domain)
                .form(Map.of("grant_type", "password", "username", "admin", "password", Api.PASSWORD)).send().expect(400);
        String other = api.newTenant();
        api.get("/api/v1/provisioning/users").header("Host", domain).as(api.member(other, "admin", "ADMINISTRATOR", null))
                .send().expect(200);
        String later = "later-" + domain;
        api.post(PATH).as(admin).json("{\"domain\":\"" + later + "\",\"activeFrom\":\"" + Instant.now().plusSeconds(3600)
                + "\"}").send().expect(201);
        api.post("/api/v1/provisioning/token").header("Host", later)
                .form(Map.of("grant_type", "password", "username", "admin", "password", Api.PASSWORD)).send().expect(400);
    }

    @Test
    void infoThroughAMappedHostShowsTheMappingsIconAndTheme() {
        api.put("/api/v1/provisioning/info").as(admin).json("{\"icon\":\"tenant.png\",\"theme\":\"light\"}").send()
                .expect(200);
        api.post(PATH).as(admin).json("{\"domain\":\"" + domain + "\",\"icon\":\"domain.png\",\"theme\":\"\"}").send()
                .expect(201);
        JsonObject mapped = api.get("/api/v1/provisioning/info").header("Host", domain).as(admin).send().expect(200).json();
        assertEquals("domain.png", mapped.getString("icon"));
        assertEquals("light", mapped.getString("theme"), "an empty theme on the mapping keeps the tenant's");
        assertEquals("tenant.png", api.get("/api/v1/provisioning/info").as(admin).send().json().getString("icon"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
