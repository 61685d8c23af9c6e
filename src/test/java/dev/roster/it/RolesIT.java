package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12, "Roles": the five system roles and the tenant's own, named by id or by name wherever a client names one. */
class RolesIT extends RosterIT {

    static final String ROLES = "/api/v1/provisioning/roles";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAnAdministrator() {
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
    }

    @Test
    void everyTenantHasTheFiveSystemRolesFirstWithTheirDisplayNames() {
        Api.Answer page = api.get(ROLES).as(api.member(tenant, "plain", "USER", null)).send().expect(200);
        List<JsonObject> roles = page.content();
        assertEquals(List.of("ADMINISTRATOR", "INTERNAL_AUDITING", "MANAGEMENT", "TEAM_LEADER", "USER"),
                roles.stream().map(r -> r.getString("id")).toList());
        assertEquals("Administrator", roles.get(0).getString("name"));
        assertTrue(roles.stream().allMatch(r -> r.getBoolean("system")));
        assertEquals(5, page.json().getInt("totalElements"));
    }

    @Test
    void aTenantDefinesItsOwnRolesWithNamesUniqueRegardlessOfCase() {
        JsonObject helpDesk = api.post(ROLES).as(admin).json("{\"name\":\"Help Desk Agent\",\"weight\":5,"
                + "\"description\":\"Answers tickets\"}").send().expect(201).json();
        assertFalse(helpDesk.getBoolean("system"));
        assertEquals(5, helpDesk.getInt("weight"));
        String id = helpDesk.getString("id");
        assertEquals(id, api.get(ROLES + "/" + id).as(admin).send().expect(200).json().getString("id"));
        assertEquals(id, api.get(ROLES + "/help%20DESK%20agent").as(admin).send().expect(200).json().getString("id"));
        assertEquals("not-unique", type(api.post(ROLES).as(admin).json("{\"name\":\"help desk AGENT\"}").send().expect(409)));
        assertTrue(api.post(ROLES).as(admin).json("{\"name\":\"administrator\"}").send().expect(409).json()
                .getString("detail").contains("ADMINISTRATOR"), "a system role's name is taken too");
        api.post(ROLES).as(admin).json("{\"name\":\"IT Specialist\"}").send().expect(201);
        Api.Answer page = api.get(ROLES + "?size=6").as(admin).send().expect(200);
        assertEquals(7, page.json().getInt("totalElements"));
        assertEquals("Help Desk Agent", page.content().get(5).getString("name"), "by weight after the system roles");
        JsonObject renamed = api.put(ROLES + "/" + id).as(admin).json("{\"name\":\"Service Desk Agent\",\"weight\":6}")
                .send().expect(200).json();
        assertEquals("Service Desk Agent", renamed.getString("name"));
        api.get(ROLES + "/help%20desk%20agent").as(admin).send().expect(404);
    }

    @Test
    void aRoleUsersHoldCannotBeDeletedAndSystemRolesAreFixed() {
        String id = api.post(ROLES).as(admin).json("{\"name\":\"IT Specialist\"}").send().expect(201).json()
                .getString("id");
        api.plainMember(tenant, "jo", "USER", null);
        api.plainMember(tenant, "al", "USER", null);
        for (String holder : List.of("jo", "al")) {
            api.post("/api/v1/provisioning/users/" + holder + "/privileges").as(admin)
                    .json("{\"role\":\"it specialist\"}").send().expect(201);
        }
        assertTrue(api.delete(ROLES + "/" + id).as(admin).send().expect(409).json().getString("detail")
                .contains("held by 2 users"));
        api.delete(ROLES + "/ADMINISTRATOR").as(admin).send().expect(409);
        api.put(ROLES + "/Administrator").as(admin).json("{\"name\":\"Boss\"}").send().expect(409);
        api.put("/api/v1/provisioning/users/jo").as(admin).json("{\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}")
                .send().expect(200);
        api.put("/api/v1/provisioning/users/al").as(admin).json("{\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}")
                .send().expect(200);
        api.delete(ROLES + "/" + id).as(admin).send().expect(204);
        api.get(ROLES + "/" + id).as(admin).send().expect(404);
    }

    @Test
    void onlyAnAdministratorDefinesRolesAndAnotherTenantSeesNone() {
        String id = api.post(ROLES).as(admin).json("{\"name\":\"Auditor Assistant\"}").send().expect(201).json()
                .getString("id");
        api.post(ROLES).as(api.member(tenant, "reader", "INTERNAL_AUDITING", null)).json("{\"name\":\"X\"}").send()
                .expect(403);
        String other = api.member(api.newTenant(), "admin", "ADMINISTRATOR", null);
        api.get(ROLES + "/" + id).as(other).send().expect(404);
        api.delete(ROLES + "/" + id).as(other).send().expect(404);
        assertEquals(5, api.get(ROLES).as(other).send().expect(200).json().getInt("totalElements"));
    }

    @Test
    void badRoleBodiesAreA400NamingTheField() {
        assertEquals("name", field(api.post(ROLES).as(admin).json("{\"weight\":1}").send()));
        assertEquals("name", field(api.post(ROLES).as(admin).json("{\"name\":\"" + "x".repeat(101) + "\"}").send()));
        assertEquals("weight", field(api.post(ROLES).as(admin).json("{\"name\":\"A\",\"weight\":\"heavy\"}").send()));
        assertEquals("colour", field(api.post(ROLES).as(admin).json("{\"name\":\"A\",\"colour\":\"red\"}").send()));
        assertEquals(5, api.get(ROLES).as(admin).send().json().getInt("totalElements"), "nothing was written");
    }

    private static String field(Api.Answer answer) {
        answer.expect(400);
        return answer.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private static String type(Api.Answer answer) {
        return answer.json().getString("type").substring("urn:roster:problem:".length());
    }
}
