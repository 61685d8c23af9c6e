package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants, each with an administrator and a user. Nothing one tenant's people do, through any path or
 * header, reads or changes the other, or tells them it exists.
 */
class TenantIsolationIT extends RosterIT {

    String home;
    String away;
    String homeAdmin;
    String awayUserPrivilege;
    /** Unique to this test's tenant, so a global search finds exactly one user whatever else the database holds. */
    String agentEmail;

    @BeforeEach
    void twoTenants() {
        home = api.newTenant();
        away = api.newTenant();
        homeAdmin = api.member(home, "admin", "ADMINISTRATOR", null);
        api.member(away, "admin", "ADMINISTRATOR", null);
        agentEmail = "agent@" + away + ".example";
        api.putUser(away, "secret.agent", "{\"email\":\"" + agentEmail + "\",\"firstName\":\"Secret\","
                + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        awayUserPrivilege = api.get("/api/v1/provisioning/users/secret.agent/privilege").as(api.operator()).tenant(away)
                .send().expect(200).json().getString("id");
    }

    @Test
    void anotherTenantsUsersAndPrivilegesAreNotFound() {
        api.get("/api/v1/provisioning/users/secret.agent").as(homeAdmin).send().expect(404);
        api.get("/api/v1/provisioning/users/secret.agent/privilege").as(homeAdmin).send().expect(404);
        api.get("/api/v1/provisioning/privileges/" + awayUserPrivilege).as(homeAdmin).send().expect(404);
        api.put("/api/v1/provisioning/privileges/" + awayUserPrivilege).as(homeAdmin).json("{\"role\":\"ADMINISTRATOR\"}")
                .send().expect(404);
        api.delete("/api/v1/provisioning/privileges/" + awayUserPrivilege).as(homeAdmin).send().expect(404);
        api.delete("/api/v1/provisioning/users/secret.agent").as(homeAdmin).send().expect(404);
        api.put("/api/v1/provisioning/users/secret.agent/privilege").as(homeAdmin).json("{\"role\":\"ADMINISTRATOR\"}")
                .send().expect(404);
        assertEquals(List.of(), api.get("/api/v1/provisioning/users?q=" + agentEmail).as(homeAdmin).send().usernames());
        assertEquals(List.of("admin"), api.get("/api/v1/provisioning/users").as(homeAdmin).send().usernames());
        assertFalse(api.get("/api/v1/provisioning/privileges").as(homeAdmin).send().body().contains("secret.agent"));
        assertFalse(api.get("/api/v1/provisioning/events?size=200").as(homeAdmin).send().body().contains("secret.agent"));
        assertAwayUntouched();
    }

    @Test
    void theSameUsernameInAnotherTenantIsADifferentUser() {
        api.put("/api/v1/provisioning/users/secret.agent").as(homeAdmin)
                .json("{\"email\":\"" + agentEmail + "\",\"firstName\":\"Homegrown\"}").send().expect(201);
        assertAwayUntouched();
    }

    @Test
    void anXTenantHeaderNamingAnotherTenantIsRefusedOnEveryPath() {
        String[] paths = {"/api/v1/provisioning/users", "/api/v1/provisioning/users/secret.agent",
                "/api/v1/provisioning/users/secret.agent/privilege", "/api/v1/provisioning/privileges",
                "/api/v1/provisioning/privileges/" + awayUserPrivilege, "/api/v1/provisioning/info",
                "/api/v1/provisioning/details", "/api/v1/provisioning/events"};
        for (String path : paths) {
            Api.Answer existing = api.get(path).as(homeAdmin).tenant(away).send().expect(403);
            Api.Answer missing = api.get(path).as(homeAdmin).tenant("no-such-tenant-" + home).send().expect(403);
            assertEquals(existing.json().getString("detail"), missing.json().getString("detail"),
                    "the answer does not tell whether the tenant exists");
        }
        api.put("/api/v1/provisioning/users/secret.agent").as(homeAdmin).tenant(away).json("{\"firstName\":\"Hacked\"}")
                .send().expect(403);
        api.delete("/api/v1/provisioning/users/secret.agent").as(homeAdmin).tenant(away).send().expect(403);
        api.put("/api/v1/provisioning/info").as(homeAdmin).tenant(away).json("{\"name\":\"Hacked\"}").send().expect(403);
        api.put("/api/v1/provisioning/users/secret.agent/privilege").as(homeAdmin).tenant(away)
                .json("{\"role\":\"ADMINISTRATOR\"}").send().expect(403);
        api.get("/api/v1/provisioning/users").as(homeAdmin).tenant(home.toUpperCase()).send().expect(200);
        assertAwayUntouched();
        assertEquals("Tenant " + away, api.get("/api/v1/provisioning/info").as(api.operator()).tenant(away).send()
                .json().getString("name"));
    }

    @Test
    void platformPathsAreClosedToTenantPeople() {
        api.get("/api/v1/tenants").as(homeAdmin).send().expect(403);
        api.get("/api/v1/tenants/" + away).as(homeAdmin).send().expect(403);
        api.put("/api/v1/tenants/" + away).as(homeAdmin).json("{\"active\":false}").send().expect(403);
        api.get("/api/v1/provisioning/as-users?q=secret").as(homeAdmin).send().expect(403);
    }

    @Test
    void aManagerFromAnotherTenantIsUnknown() {
        Api.Answer refused = api.put("/api/v1/provisioning/users/newbie").as(homeAdmin)
                .json("{\"email\":\"n@home.example\",\"manager\":\"secret.agent\"}").send().expect(400);
        assertEquals("manager", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void theOperatorsGlobalSearchNamesEachHitsTenant() {
        Api.Answer hits = api.get("/api/v1/provisioning/as-users?q=" + agentEmail).as(api.operator()).send()
                .expect(200);
        assertEquals(1, hits.json().getInt("totalElements"));
        assertTrue(hits.content().stream().anyMatch(u -> u.getString("tenant").equals(away)
                && u.getString("username").equals("secret.agent")));
        assertTrue(hits.content().stream().noneMatch(u -> u.getString("tenant").equals(home)));
    }

    private void assertAwayUntouched() {
        var user = api.get("/api/v1/provisioning/users/secret.agent").as(api.operator()).tenant(away).send()
                .expect(200).json();
        assertEquals("Secret", user.getString("firstName"));
        assertEquals("ACTIVE", user.getString("status"));
        assertEquals("USER", user.getJsonArray("tenantUserPrivileges").getJsonObject(0).getString("role"));
    }
}
