package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator's tenant administration, and a tenant's own info and details. */
class TenantsIT extends RosterIT {

    @Test
    void operatorCreatesListsAndReadsTenants() {
        String label = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer created = api.post("/api/v1/tenants").as(api.operator())
                .json("{\"label\":\"" + label + "\",\"name\":\"Acme\",\"icon\":\"acme.png\"}").send().expect(201);
        assertTrue(created.header("Location").endsWith("/api/v1/tenants/" + label));
        JsonObject tenant = created.json();
        assertEquals(label, tenant.getString("label"));
        assertTrue(tenant.getBoolean("active"));
        assertEquals("acme.png", tenant.getString("icon"));
        assertTrue(tenant.isNull("theme"));

        JsonObject read = api.get("/api/v1/tenants/" + label).as(api.operator()).send().expect(200).json();
        assertEquals("Acme", read.getString("name"));

        boolean listed = false;
        Api.Answer page = api.get("/api/v1/tenants?size=200").as(api.operator()).send().expect(200);
        for (int p = 0; !listed && p < page.json().getInt("totalPages"); p++) {
            listed = api.get("/api/v1/tenants?size=200&page=" + p).as(api.operator()).send().expect(200)
                    .content().stream().anyMatch(t -> t.getString("label").equals(label));
        }
        assertTrue(listed, "the new tenant is listed");
        api.get("/api/v1/tenants/no-such-tenant-here").as(api.operator()).send().expect(404);
    }

    @Test
    void labelIsUniqueAndNeverChanges() {
        String label = api.newTenant();
        api.post("/api/v1/tenants").as(api.operator()).json("{\"label\":\"" + label + "\",\"name\":\"Again\"}")
                .send().expect(409);
        Api.Answer refused = api.put("/api/v1/tenants/" + label).as(api.operator())
                .json("{\"label\":\"renamed\",\"name\":\"New name\"}").send().expect(400);
        assertEquals("label", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("Tenant " + label, api.get("/api/v1/tenants/" + label).as(api.operator()).send().json()
                .getString("name"), "nothing changed");
    }

    @Test
    void badTenantInputNamesEveryOffendingField() {
        Api.Answer answer = api.post("/api/v1/tenants").as(api.operator())
                .json("{\"label\":\"Not A Slug!\",\"name\":42,\"icon\":\"" + "x".repeat(3000) + "\"}").send().expect(400);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        List<String> fields = answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("label", "name", "icon"), fields);
        api.post("/api/v1/tenants").as(api.operator()).json("{\"label\":\"ok-label\"").send().expect(400);
        api.post("/api/v1/tenants").as(api.operator()).json("[]").send().expect(400);
        api.post("/api/v1/tenants").as(api.operator()).json("{\"name\":\"No label\"}").send().expect(400);
        api.put("/api/v1/tenants/" + api.newTenant()).as(api.operator()).json("{\"active\":\"no\"}").send().expect(400);
    }

    @Test
    void suspendingATenantStopsItsTokensAndLoginsUntilReactivated() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        api.get("/api/v1/provisioning/users").as(admin).send().expect(200);

        JsonObject suspended = api.put("/api/v1/tenants/" + tenant).as(api.operator()).json("{\"active\":false}")
                .send().expect(200).json();
        assertFalse(suspended.getBoolean("active"));
        Api.Answer refused = api.get("/api/v1/provisioning/users").as(admin).send().expect(401);
        assertTrue(refused.json().getString("detail").contains("suspended"));
        assertTrue(api.login("admin", Api.PASSWORD, tenant).expect(400).json().getString("detail")
                .contains("suspended"));

        api.put("/api/v1/tenants/" + tenant).as(api.operator()).json("{\"active\":true}").send().expect(200);
        String again = api.token("admin", Api.PASSWORD, tenant);
        api.get("/api/v1/provisioning/users").as(again).send().expect(200);
    }

    @Test
    void theAuditTrailTellsSuspensionReactivationAndOtherChangesApart() {
        String tenant = api.newTenant();
        api.put("/api/v1/tenants/" + tenant).as(api.operator()).json("{\"active\":false}").send().expect(200);
        api.put("/api/v1/tenants/" + tenant).as(api.operator()).json("{\"name\":\"Renamed while suspended\"}").send()
                .expect(200);
        api.put("/api/v1/tenants/" + tenant).as(api.operator()).json("{\"active\":true}").send().expect(200);
        List<String> actions = api.get("/api/v1/provisioning/events").as(api.operator()).tenant(tenant).send()
                .expect(200).content().stream().map(e -> e.getString("action")).toList();
        assertEquals(List.of("tenant.reactivated", "tenant.updated", "tenant.suspended", "tenant.created"), actions);
    }

    @Test
    void onlyTheOperatorManagesTenants() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        api.get("/api/v1/tenants").as(admin).send().expect(403);
        api.post("/api/v1/tenants").as(admin).json("{\"label\":\"sneaky\",\"name\":\"x\"}").send().expect(403);
        api.put("/api/v1/tenants/" + tenant).as(admin).json("{\"active\":false}").send().expect(403);
        api.get("/api/v1/tenants").send().expect(401);
    }

    @Test
    void infoAndDetailsCarryTheSeedFields() {
        String tenant = api.newTenant();
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        JsonObject info = api.get("/api/v1/provisioning/info").as(auditor).send().expect(200).json();
        assertEquals(List.of("label", "name", "active", "icon", "theme", "tenantServices"), List.copyOf(info.keySet()));
        assertEquals(tenant, info.getString("label"));
        JsonObject details = api.get("/api/v1/provisioning/details").as(auditor).send().expect(200).json();
        for (String field : new String[] {"label", "name", "active", "icon", "theme", "tenantEndpoints",
                "tenantServices", "tenantDomainMappings"}) {
            assertTrue(details.containsKey(field), field);
        }
        assertFalse(details.toString().contains("tenantUserPrivileges"));
        String user = api.member(tenant, "plain", "USER", null);
        api.get("/api/v1/provisioning/info").as(user).send().expect(200);
        api.get("/api/v1/provisioning/details").as(user).send().expect(403);
    }

    @Test
    void putInfoChangesOnlyIconThemeAndName() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        JsonObject info = api.put("/api/v1/provisioning/info").as(admin)
                .json("{\"name\":\"Mobilitus\",\"icon\":\"mobilitus.png\",\"theme\":\"dark\",\"label\":\"" + tenant
                        + "\",\"active\":true}").send().expect(200).json();
        assertEquals("Mobilitus", info.getString("name"));
        assertEquals("mobilitus.png", info.getString("icon"));
        assertEquals("dark", info.getString("theme"));
        api.put("/api/v1/provisioning/info").as(admin).json("{\"label\":\"other\"}").send().expect(400);
        api.put("/api/v1/provisioning/info").as(admin).json("{\"active\":false}").send().expect(400);
        api.put("/api/v1/provisioning/info").as(admin).json("{\"name\":\"\"}").send().expect(400);
        assertEquals("Mobilitus", api.get("/api/v1/provisioning/info").as(admin).send().json().getString("name"));
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        api.put("/api/v1/provisioning/info").as(auditor).json("{\"name\":\"x\"}").send().expect(403);
    }

    @Test
    void operatorActsInATenantByNamingIt() {
        String tenant = api.newTenant();
        api.get("/api/v1/provisioning/info").as(api.operator()).tenant(tenant).send().expect(200);
        Api.Answer unnamed = api.get("/api/v1/provisioning/users").as(api.operator()).send().expect(400);
        assertEquals("X-Tenant", unnamed.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        api.get("/api/v1/provisioning/users").as(api.operator()).tenant("no-such-tenant-9").send().expect(404);
    }
}
