package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AppXite's user management (seed 004) as an AppXite client calls it: the users of the platform (tenant) or of one
 * customer (organization) with id, creation date, accessibility, account state, organizations and last sign-in; the
 * roles with id, name and weight; the identity providers with id, name, prefix and enabled; and inviting many users
 * at once, each to several organizations, in the document's own field names.
 */
class AppXiteIT extends RosterIT {

    static final String BASE = "/api/appxite/v1";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAppXiteOn() {
        tenant = api.newTenant();
        for (String service : List.of("appxite", "invitations")) {
            api.put("/api/v1/tenants/" + tenant + "/services/" + service).as(api.operator())
                    .json("{\"enabled\": true}").send().expect(200);
        }
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
    }

    @Test
    void invitingManyUsersEachToSeveralOrganizationsAndListingThem() throws Exception {
        String north = organization("North");
        String south = organization("South");
        String role = api.get(BASE + "/roles").as(admin).send().expect(200).body();
        assertTrue(role.contains("\"Id\":\"USER\"") && role.contains("\"Weight\""), role);
        List<JsonObject> results = api.post(BASE + "/users/invite").as(admin).json("{\"Users\": ["
                + "{\"Email\": \"anna@" + tenant + ".example\", \"FirstName\": \"Anna\", \"RoleIds\": [\"USER\"], "
                + "\"OrganizationIds\": [\"" + north + "\", \"" + south + "\"]},"
                + "{\"Email\": \"boss@example.com\", \"OrganizationIds\": [\"" + south + "\"]},"
                + "{\"Email\": \"broken\"},"
                + "{\"Email\": \"ghost@" + tenant + ".example\", \"OrganizationIds\": [\"no-such-customer\"]},"
                + "{\"Mail\": \"typo@" + tenant + ".example\"}]}").send().expect(200).json()
                .getJsonArray("Results").getValuesAs(JsonObject.class);
        assertEquals(List.of("Invited", "Existing", "Failed", "Failed", "Failed"),
                results.stream().map(r -> r.getString("Outcome")).toList());
        assertEquals("urn:roster:problem:invalid-input", results.get(4).getJsonObject("Error").getString("type"));

        JsonObject page = api.get(BASE + "/users?organizationId=" + south).as(admin).send().expect(200).json();
        assertEquals(2, page.getInt("TotalCount"));
        List<JsonObject> users = page.getJsonArray("Users").getValuesAs(JsonObject.class);
        JsonObject anna = users.stream().filter(u -> u.getString("Email").startsWith("anna@")).findFirst()
                .orElseThrow();
        assertEquals("INVITED", anna.getString("AccountState"));
        assertFalse(anna.getBoolean("Accessible"));
        assertTrue(anna.isNull("LastSignIn"));
        assertEquals(2, anna.getJsonArray("Organizations").size());
        assertTrue(anna.containsKey("CreatedAt") && anna.containsKey("Id"));
        JsonObject boss = users.stream().filter(u -> u.getString("UserName").equals("boss")).findFirst().orElseThrow();
        assertTrue(boss.getBoolean("Accessible"));
        assertFalse(boss.isNull("LastSignIn"), "boss signed in with its password");

        assertEquals(List.of("anna@" + tenant + ".example"), names(api.get(BASE + "/users?state=invited").as(admin)
                .send().expect(200).json()));
        assertEquals(List.of("anna@" + tenant + ".example", "boss"), names(api.get(BASE + "/users").as(admin).send()
                .expect(200).json()));
        api.get(BASE + "/users?state=sleeping").as(admin).send().expect(400);
        api.get(BASE + "/users?organizationId=elsewhere").as(admin).send().expect(404);
    }

    @Test
    void identityProvidersAreListedWithIdNamePrefixAndEnabled() {
        api.post("/api/v1/provisioning/identity-providers").as(admin).json("{\"name\": \"Okta\", \"prefix\": \"okta\", "
                + "\"type\": \"saml\", \"metadataUrl\": \"https://okta.example.com/app/metadata\", \"enabled\": false}")
                .send().expect(201);
        JsonObject provider = api.get(BASE + "/identity-providers").as(admin).send().expect(200).body()
                .transform(Api::array).getJsonObject(0);
        assertEquals("Okta", provider.getString("Name"));
        assertEquals("okta", provider.getString("Prefix"));
        assertFalse(provider.getBoolean("Enabled"));
        assertTrue(provider.containsKey("Id"));
    }

    @Test
    void theServiceIsTheTenantsChoiceAndOnlyAnAdministratorInvites() {
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        api.get(BASE + "/users").as(auditor).send().expect(200);
        api.post(BASE + "/users/invite").as(auditor).json("{\"Users\": [{\"Email\": \"x@example.com\"}]}").send()
                .expect(403);
        api.post(BASE + "/users/invite").as(admin).json("{\"People\": []}").send().expect(400);
        String other = api.newTenant();
        String stranger = api.member(other, "boss", "ADMINISTRATOR", null);
        assertEquals("urn:roster:problem:service-switched-off", api.get(BASE + "/users").as(stranger).send()
                .expect(403).json().getString("type"));
        api.get(BASE + "/users").as(stranger).tenant(tenant).send().expect(403);
    }

    private String organization(String name) {
        return api.post("/api/v1/provisioning/organizations").as(admin).json("{\"name\": \"" + name + "\"}").send()
                .expect(201).json().getString("id");
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("Users").getValuesAs(JsonObject.class).stream().map(u -> u.getString("UserName"))
                .toList();
    }
}
