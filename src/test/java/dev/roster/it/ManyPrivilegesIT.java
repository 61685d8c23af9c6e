package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "Privileges: many per user": any number of privileges, at most one per (role, scope); reach in
 * Roster's API is the union of the unscoped system roles effective now; the active list and its total follow every
 * privilege's window; the seed's {@code /users/{username}/privilege} keeps its meaning.
 */
class ManyPrivilegesIT extends RosterIT {

    static final String USERS = "/api/v1/provisioning/users";

    @Test
    void rolesAreNamedByIdByDisplayNameOrByTheTenantsOwnName() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        String helpDesk = api.post("/api/v1/provisioning/roles").as(admin).json("{\"name\":\"Help Desk Agent\"}").send()
                .expect(201).json().getString("id");
        api.plainMember(tenant, "sam", "USER", null);
        JsonObject byDisplayName = grant(admin, "sam", "{\"role\":\"Team Leader\"}").expect(201).json();
        assertEquals("TEAM_LEADER", byDisplayName.getString("role"));
        assertEquals("Team Leader", byDisplayName.getString("roleName"));
        JsonObject byName = grant(admin, "sam", "{\"role\":\"help desk agent\",\"scope\":\"desk-app\"}").expect(201).json();
        assertEquals(helpDesk, byName.getString("role"));
        assertEquals("Help Desk Agent", byName.getString("roleName"));
        assertEquals("desk-app", byName.getString("scope"));
        assertEquals(helpDesk, grant(admin, "sam", "{\"role\":\"" + helpDesk + "\"}").expect(201).json().getString("role"),
                "by id, for the whole tenant: another scope, another privilege");
        assertEquals("not-unique", grant(admin, "sam", "{\"role\":\"Help Desk Agent\",\"scope\":\"desk-app\"}")
                .expect(409).json().getString("type").substring(19));
        Api.Answer unknown = grant(admin, "sam", "{\"role\":\"Wizard\"}").expect(400);
        assertTrue(unknown.json().getString("detail").contains("Help Desk Agent"), "the refusal names the roles");
        List<JsonObject> held = Api.array(api.get(USERS + "/sam/privileges").as(admin).send().expect(200).body())
                .getValuesAs(JsonObject.class);
        assertEquals(4, held.size());
        assertEquals(4, api.get(USERS + "/sam").as(admin).send().json().getJsonArray("tenantUserPrivileges").size());
        assertEquals(2, api.get("/api/v1/provisioning/privileges?role=help%20desk%20agent").as(admin).send().expect(200)
                .json().getInt("totalElements"));
        assertEquals(1, api.get("/api/v1/provisioning/privileges?scope=desk-app").as(admin).send().expect(200)
                .json().getInt("totalElements"));
    }

    @Test
    void reachIsTheUnionOfTheUnscopedSystemRolesEffectiveNowAndAScopedAdministratorGrantsNothing() {
        String tenant = api.newTenant();
        api.member(tenant, "admin", "ADMINISTRATOR", null);
        String cover = api.member(tenant, "cover", "USER", null);
        api.plainMember(tenant, "other", "USER", null);
        assertEquals(List.of("cover"), listed(cover), "USER sees itself");
        api.post(USERS + "/cover/privileges").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"ADMINISTRATOR\",\"scope\":\"bot-1\"}").send().expect(201);
        assertEquals(List.of("cover"), listed(cover), "a scoped ADMINISTRATOR grants nothing here");
        api.put(USERS + "/other").as(cover).json("{\"firstName\":\"O\"}").send().expect(403);
        Instant end = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        api.post(USERS + "/cover/privileges").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"ADMINISTRATOR\",\"activeUntil\":\"" + end + "\"}").send().expect(201);
        assertEquals(List.of("admin", "cover", "other"), listed(cover), "USER and, for now, ADMINISTRATOR");
        api.put(USERS + "/other").as(cover).json("{\"firstName\":\"O\"}").send().expect(200);
        Poll.until(Duration.ofSeconds(15), () -> assertEquals(List.of("cover"), listed(cover), "the cover ended"));
        api.put(USERS + "/other").as(cover).json("{\"firstName\":\"P\"}").send().expect(403);
    }

    @Test
    void aUserWithThreePrivilegesInSeparateWindowsIsListedAndCountedRightAsTheyOpenAndClose() {
        String tenant = api.newTenant();
        api.member(tenant, "admin", "ADMINISTRATOR", null);
        Instant t = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        api.putUser(tenant, "tri", "{\"email\":\"tri@example.com\",\"tenantUserPrivileges\":["
                + window("USER", null, t, t.plusSeconds(2)) + ","
                + window("TEAM_LEADER", "app-1", t.plusSeconds(4), t.plusSeconds(6)) + ","
                + window("MANAGEMENT", null, t.plusSeconds(8), null) + "]}").expect(201);
        assertListed(tenant, "admin");
        for (Instant[] phase : new Instant[][] {{t, t.plusSeconds(2)}, {t.plusSeconds(4), t.plusSeconds(6)}}) {
            Poll.until(Duration.ofSeconds(15), () -> assertListed(tenant, "admin", "tri"));
            assertTrue(Instant.now().isAfter(phase[0].minusMillis(200)), "listed from its window's start");
            Poll.until(Duration.ofSeconds(15), () -> assertListed(tenant, "admin"));
            assertTrue(Instant.now().isAfter(phase[1].minusMillis(200)), "until its window's end");
        }
        Poll.until(Duration.ofSeconds(15), () -> assertListed(tenant, "admin", "tri"));
        Poll.until(Duration.ofSeconds(30), "the counters settle past the last window",
                () -> api.metric("roster_counters_settled_until_seconds") > t.getEpochSecond() + 9);
        assertListed(tenant, "admin", "tri");
    }

    @Test
    void theSeedsPrivilegePathAddressesTheTenantWideSystemRoleOnly() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        api.plainMember(tenant, "kim", "USER", null);
        grant(admin, "kim", "{\"role\":\"TEAM_LEADER\",\"activeFrom\":\"2999-01-01T00:00:00Z\"}").expect(201);
        grant(admin, "kim", "{\"role\":\"ADMINISTRATOR\",\"scope\":\"bot-9\"}").expect(201);
        assertEquals("USER", seed(admin, "kim").getString("role"), "the strongest effective unscoped system role");
        api.put(USERS + "/kim/privilege").as(admin).json("{\"role\":\"MANAGEMENT\"}").send().expect(200);
        Set<String> held = held(admin, "kim");
        assertEquals(Set.of("MANAGEMENT|", "ADMINISTRATOR|bot-9"), held, "the only unscoped system role; scoped kept");
        api.put(USERS + "/kim/privilege").as(admin).json("{\"role\":\"USER\",\"scope\":\"bot-9\"}").send().expect(400);
        api.delete(USERS + "/kim/privilege").as(admin).send().expect(204);
        assertEquals(Set.of("ADMINISTRATOR|bot-9"), held(admin, "kim"));
        api.get(USERS + "/kim/privilege").as(admin).send().expect(404);
        assertTrue(listed(admin).contains("kim"), "still listed: a scoped privilege is effective");
    }

    @Test
    void anotherTenantReachesNoneOfAUsersPrivilegesNorItsRoles() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        String role = api.post("/api/v1/provisioning/roles").as(admin).json("{\"name\":\"Desk\"}").send().expect(201)
                .json().getString("id");
        api.plainMember(tenant, "sam", "USER", null);
        String id = grant(admin, "sam", "{\"role\":\"Desk\"}").expect(201).json().getString("id");
        String stranger = api.member(api.newTenant(), "admin", "ADMINISTRATOR", null);
        api.get(USERS + "/sam/privileges").as(stranger).send().expect(404);
        grant(stranger, "sam", "{\"role\":\"USER\"}").expect(404);
        api.get("/api/v1/provisioning/privileges/" + id).as(stranger).send().expect(404);
        api.delete("/api/v1/provisioning/privileges/" + id).as(stranger).send().expect(404);
        api.get("/api/v1/provisioning/privileges?role=" + role).as(stranger).send().expect(400);
        assertEquals(2, held(admin, "sam").size(), "nothing changed");
    }

    private Api.Answer grant(String token, String username, String json) {
        return api.post(USERS + "/" + username + "/privileges").as(token).json(json).send();
    }

    private JsonObject seed(String token, String username) {
        return api.get(USERS + "/" + username + "/privilege").as(token).send().expect(200).json();
    }

    private Set<String> held(String token, String username) {
        return Api.array(api.get(USERS + "/" + username + "/privileges").as(token).send().expect(200).body())
                .getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("role") + "|" + (p.isNull("scope") ? "" : p.getString("scope")))
                .collect(Collectors.toSet());
    }

    private static String window(String role, String scope, Instant from, Instant until) {
        return "{\"role\":\"" + role + "\"" + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + ",\"activeFrom\":\""
                + from + "\",\"activeUntil\":" + (until == null ? "null" : "\"" + until + "\"") + "}";
    }

    private List<String> listed(String token) {
        Api.Answer page = api.get(USERS + "?size=200").as(token).send().expect(200);
        assertEquals(page.usernames().size(), page.json().getInt("totalElements"), "the total matches the list");
        return page.usernames();
    }

    private void assertListed(String tenant, String... usernames) {
        Api.Answer page = api.get(USERS + "?size=200").as(api.operator()).tenant(tenant).send().expect(200);
        assertEquals(List.of(usernames), page.usernames());
        assertEquals(usernames.length, page.json().getInt("totalElements"), "the total follows the list");
    }
}
