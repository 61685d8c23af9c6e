package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services: the catalog and its state per tenant, the operator's switch, and switched-off surfaces closed. */
class ServicesIT extends RosterIT {

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAnAdministrator() {
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
    }

    @Test
    void theCatalogShowsEachServicesStateAndInfoListsTheOnesSwitchedOn() {
        Map<String, Boolean> state = states(api.get("/api/v1/provisioning/services").as(admin).send().expect(200).body());
        assertEquals(Map.of("native-api", true, "invitations", false, "appxite", false, "aisera", false, "kore", false,
                "bulk", false, "scim", false), state,
                "only the surfaces Roster serves; the native API is on, every other surface off until switched on");
        List<String> listed = ids(api.get("/api/v1/provisioning/info").as(admin).send().json());
        assertEquals(List.of("native-api"), listed);
        assertEquals(List.of("native-api"), ids(api.get("/api/v1/provisioning/details").as(admin).send().json()));
        api.get("/api/v1/provisioning/services").as(api.member(tenant, "user", "USER", null)).send().expect(403);
    }

    @Test
    void aSwitchedOffServiceAnswersTheTenant403NamingItUntilSwitchedOnAgain() {
        switchService(tenant, "native-api", false).expect(200);
        Api.Answer closed = api.get("/api/v1/provisioning/users").as(admin).send().expect(403);
        assertTrue(closed.json().getString("detail").contains("native-api"), closed.body());
        assertTrue(closed.header("Content-Type").startsWith("application/problem+json"));
        api.token("admin", Api.PASSWORD, tenant);
        api.get("/api/v1/provisioning/users").as(api.operator()).tenant(tenant).send().expect(200);
        String other = api.member(api.newTenant(), "admin", "ADMINISTRATOR", null);
        api.get("/api/v1/provisioning/users").as(other).send().expect(200);
        assertTrue(api.get("/api/v1/provisioning/events").as(api.operator()).tenant(tenant).send().body()
                .contains("service.disabled"));
        switchService(tenant, "native-api", true).expect(200);
        api.get("/api/v1/provisioning/users").as(admin).send().expect(200);
    }

    @Test
    void aSurfaceRosterDoesNotServeCannotBeSwitchedOn() {
        for (String planned : List.of("webhooks", "ldap")) {
            assertTrue(switchService(tenant, planned, true).expect(404).json().getString("detail").contains(planned));
        }
        assertEquals(Map.of("native-api", true, "invitations", false, "appxite", false, "aisera", false, "kore", false,
                "bulk", false, "scim", false), states(api.get("/api/v1/tenants/" + tenant + "/services").as(api.operator()).send().expect(200).body()));
    }

    @Test
    void onlyTheOperatorSwitchesAndBadSwitchesAreRefused() {
        api.put("/api/v1/tenants/" + tenant + "/services/native-api").as(admin).json("{\"enabled\":false}").send()
                .expect(403);
        switchService(tenant, "telepathy", true).expect(404);
        switchService("no-such-tenant-" + tenant, "native-api", true).expect(404);
        api.put("/api/v1/tenants/" + tenant + "/services/native-api").as(api.operator()).json("{\"enabled\":\"no\"}")
                .send().expect(400);
        api.put("/api/v1/tenants/" + tenant + "/services/native-api").as(api.operator()).json("{}").send().expect(400);
        assertTrue(states(api.get("/api/v1/provisioning/services").as(admin).send().body()).get("native-api"));
    }

    private Api.Answer switchService(String label, String service, boolean enabled) {
        return api.put("/api/v1/tenants/" + label + "/services/" + service).as(api.operator())
                .json("{\"enabled\":" + enabled + "}").send();
    }

    private static Map<String, Boolean> states(String json) {
        return Api.array(json).getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(s -> s.getString("id"), s -> s.getBoolean("enabled")));
    }

    private static List<String> ids(JsonObject tenantInfo) {
        return tenantInfo.getJsonArray("tenantServices").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id")).toList();
    }
}
