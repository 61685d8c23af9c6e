package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory (issue 15): groups and organizations, their members, the user's view of them, identity providers and
 * the users bound to them, who may change and read them, and that no other tenant reaches them.
 */
class DirectoryIT extends RosterIT {

    static final String GROUPS = "/api/v1/provisioning/groups";
    static final String ORGANIZATIONS = "/api/v1/provisioning/organizations";
    static final String PROVIDERS = "/api/v1/provisioning/identity-providers";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAnAdministrator() {
        tenant = api.newTenant();
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
    }

    @Test
    void aGroupIsCreatedReadRenamedListedAndDeleted() {
        Api.Answer created = api.post(GROUPS).as(admin).json("{\"displayName\": \"Box office\", "
                + "\"description\": \"Sells tickets\", \"externalId\": \"okta-1\"}").send().expect(201);
        JsonObject group = created.json();
        String id = group.getString("id");
        assertTrue(created.header("Location").endsWith(GROUPS + "/" + id), created.header("Location"));
        assertEquals(0, group.getInt("memberCount"));
        assertEquals("okta-1", api.get(GROUPS + "/" + id).as(admin).send().expect(200).json().getString("externalId"));

        Api.Answer taken = api.post(GROUPS).as(admin).json("{\"displayName\": \"BOX OFFICE\"}").send().expect(409);
        assertTrue(taken.json().getString("detail").contains("Box office"), taken.body());
        api.post(GROUPS).as(admin).json("{\"displayName\": \"Bar\"}").send().expect(201);
        api.post(GROUPS).as(admin).json("{\"displayName\": \"Accounts\"}").send().expect(201);
        assertEquals(List.of("Accounts", "Bar", "Box office"), names(api.get(GROUPS).as(admin).send().expect(200)));
        assertEquals(List.of("Bar", "Box office"), names(api.get(GROUPS + "?q=b").as(admin).send().expect(200)));

        JsonObject renamed = api.put(GROUPS + "/" + id).as(admin).json("{\"displayName\": \"Front of house\", "
                + "\"description\": null}").send().expect(200).json();
        assertEquals("Front of house", renamed.getString("displayName"));
        assertTrue(renamed.isNull("description"));
        assertEquals("okta-1", renamed.getString("externalId"), "a field left out stays");
        api.put(GROUPS + "/" + id).as(admin).json("{\"displayName\": \"bar\"}").send().expect(409);

        api.delete(GROUPS + "/" + id).as(admin).send().expect(204);
        api.get(GROUPS + "/" + id).as(admin).send().expect(404);
        String events = api.get("/api/v1/provisioning/events?size=50").as(admin).send().expect(200).body();
        for (String action : List.of("group.created", "group.changed", "group.deleted")) {
            assertTrue(events.contains("\"" + action + "\""), action);
        }
    }

    @Test
    void membersPageByUsernameWithTheCountAndShowOnTheirUsers() {
        String id = api.post(GROUPS).as(admin).json("{\"displayName\": \"Ushers\"}").send().expect(201).json()
                .getString("id");
        for (String username : List.of("zoe", "adam", "mia")) {
            api.plainMember(tenant, username, "USER", null);
            String etag = api.get("/api/v1/provisioning/users/" + username).as(admin).send().header("ETag");
            api.put(GROUPS + "/" + id + "/members/" + username).as(admin).send().expect(204);
            assertEquals(etag, api.get("/api/v1/provisioning/users/" + username).as(admin).send().header("ETag"),
                    "joining a group leaves the user's version, so it collides with no concurrent change of the user");
        }
        api.put(GROUPS + "/" + id + "/members/MIA").as(admin).send().expect(204); // a member already: no change
        Api.Answer page = api.get(GROUPS + "/" + id + "/members?size=2").as(admin).send().expect(200);
        assertEquals(List.of("adam", "mia"), page.usernames());
        assertEquals(3, page.json().getInt("totalElements"));
        assertEquals(List.of("zoe"), api.get(GROUPS + "/" + id + "/members?page=1&size=2").as(admin).send().usernames());
        assertEquals(3, api.get(GROUPS + "/" + id).as(admin).send().json().getInt("memberCount"));

        JsonObject mia = api.get("/api/v1/provisioning/users/mia").as(admin).send().expect(200).json();
        assertEquals("Ushers", mia.getJsonArray("groups").getJsonObject(0).getString("displayName"));
        api.put("/api/v1/provisioning/users/mia").as(admin).json(mia).send().expect(200); // sent back as read

        api.delete(GROUPS + "/" + id + "/members/mia").as(admin).send().expect(204);
        api.delete(GROUPS + "/" + id + "/members/mia").as(admin).send().expect(404);
        api.put(GROUPS + "/" + id + "/members/nobody").as(admin).send().expect(404);
        assertEquals(2, api.get(GROUPS + "/" + id).as(admin).send().json().getInt("memberCount"));
        assertTrue(api.get("/api/v1/provisioning/users/mia").as(admin).send().json().getJsonArray("groups").isEmpty());

        api.delete(GROUPS + "/" + id).as(admin).send().expect(204);
        assertTrue(api.get("/api/v1/provisioning/users/zoe").as(admin).send().json().getJsonArray("groups").isEmpty(),
                "deleting a group ends its memberships; the users stay");
    }

    @Test
    void organizationsFormATreeAndHoldUsers() {
        String parent = api.post(ORGANIZATIONS).as(admin).json("{\"name\": \"Cooori\", \"externalId\": \"crm-1\"}")
                .send().expect(201).json().getString("id");
        String child = api.post(ORGANIZATIONS).as(admin).json("{\"name\": \"Cooori Reykjavik\", \"parentId\": \""
                + parent + "\"}").send().expect(201).json().getString("id");
        String grandchild = api.post(ORGANIZATIONS).as(admin).json("{\"name\": \"Box office\", \"parentId\": \""
                + child + "\"}").send().expect(201).json().getString("id");
        Api.Answer loop = api.put(ORGANIZATIONS + "/" + parent).as(admin).json("{\"parentId\": \"" + grandchild
                + "\"}").send().expect(400);
        assertTrue(loop.body().contains("below itself"), loop.body());
        api.put(ORGANIZATIONS + "/" + parent).as(admin).json("{\"parentId\": \"" + parent + "\"}").send().expect(400);
        api.post(ORGANIZATIONS).as(admin).json("{\"name\": \"Stray\", \"parentId\": \"nope\"}").send().expect(400);

        api.plainMember(tenant, "jane", "USER", null);
        api.put(ORGANIZATIONS + "/" + child + "/users/jane").as(admin).send().expect(204);
        api.put(ORGANIZATIONS + "/" + parent + "/users/jane").as(admin).send().expect(204);
        assertEquals(List.of("jane"), api.get(ORGANIZATIONS + "/" + child + "/users").as(admin).send().usernames());
        List<String> organizations = api.get("/api/v1/provisioning/users/jane").as(admin).send().json()
                .getJsonArray("organizations").getValuesAs(JsonObject.class).stream().map(o -> o.getString("name"))
                .toList();
        assertEquals(List.of("Cooori", "Cooori Reykjavik"), organizations);

        Api.Answer parentOfOthers = api.delete(ORGANIZATIONS + "/" + child).as(admin).send().expect(409);
        assertTrue(parentOfOthers.body().contains("child organization"), parentOfOthers.body());
        api.delete(ORGANIZATIONS + "/" + grandchild).as(admin).send().expect(204);
        api.delete(ORGANIZATIONS + "/" + child).as(admin).send().expect(204);
        assertEquals(List.of("Cooori"), api.get(ORGANIZATIONS).as(admin).send().json().getJsonArray("content")
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertField(api.post(GROUPS).as(admin).json("{}").send().expect(400), "displayName");
        assertField(api.post(GROUPS).as(admin).json("{\"displayName\": \"  \"}").send().expect(400), "displayName");
        assertField(api.post(GROUPS).as(admin).json("{\"displayName\": \"" + "x".repeat(257) + "\"}").send()
                .expect(400), "displayName");
        assertField(api.post(GROUPS).as(admin).json("{\"displayName\": 7}").send().expect(400), "displayName");
        assertField(api.post(GROUPS).as(admin).json("{\"name\": \"typo\"}").send().expect(400), "name");
        assertField(api.post(ORGANIZATIONS).as(admin).json("{\"name\": null}").send().expect(400), "name");
        api.post(GROUPS).as(admin).json("{\"displayName\": ").send().expect(400);
        api.get(GROUPS + "/" + "x".repeat(400)).as(admin).send().expect(404);
    }

    @Test
    void onlyAnAdministratorChangesAndAnAuditorReads() {
        String id = api.post(GROUPS).as(admin).json("{\"displayName\": \"Audited\"}").send().expect(201).json()
                .getString("id");
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        String user = api.member(tenant, "plain", "USER", null);
        api.get(GROUPS + "/" + id + "/members").as(auditor).send().expect(200);
        api.get(ORGANIZATIONS).as(auditor).send().expect(200);
        api.post(GROUPS).as(auditor).json("{\"displayName\": \"Mine\"}").send().expect(403);
        api.put(GROUPS + "/" + id + "/members/plain").as(auditor).send().expect(403);
        api.get(GROUPS).as(user).send().expect(403);
        api.delete(GROUPS + "/" + id).as(user).send().expect(403);
        assertEquals(0, api.get(GROUPS + "/" + id).as(admin).send().json().getInt("memberCount"));
    }

    @Test
    void anotherTenantNeverReachesTheDirectory() {
        String group = api.post(GROUPS).as(admin).json("{\"displayName\": \"Private\"}").send().expect(201).json()
                .getString("id");
        String organization = api.post(ORGANIZATIONS).as(admin).json("{\"name\": \"Private\"}").send().expect(201)
                .json().getString("id");
        api.plainMember(tenant, "insider", "USER", null);
        api.put(GROUPS + "/" + group + "/members/insider").as(admin).send().expect(204);
        String away = api.newTenant();
        String intruder = api.member(away, "boss", "ADMINISTRATOR", null);
        api.plainMember(away, "outsider", "USER", null);
        for (String path : List.of(GROUPS + "/" + group, GROUPS + "/" + group + "/members",
                ORGANIZATIONS + "/" + organization, ORGANIZATIONS + "/" + organization + "/users")) {
            api.get(path).as(intruder).send().expect(404);
            api.get(path).as(intruder).tenant(tenant).send().expect(403);
        }
        api.put(GROUPS + "/" + group).as(intruder).json("{\"displayName\": \"Mine\"}").send().expect(404);
        api.delete(GROUPS + "/" + group).as(intruder).send().expect(404);
        api.put(GROUPS + "/" + group + "/members/outsider").as(intruder).send().expect(404);
        api.delete(GROUPS + "/" + group + "/members/insider").as(intruder).send().expect(404);
        api.put(ORGANIZATIONS + "/" + organization + "/users/outsider").as(intruder).send().expect(404);
        api.delete(ORGANIZATIONS + "/" + organization).as(intruder).send().expect(404);
        api.put(GROUPS + "/" + group + "/members/outsider").as(admin).send().expect(404); // not a user of this tenant
        api.post(ORGANIZATIONS).as(intruder).json("{\"name\": \"Child\", \"parentId\": \"" + organization + "\"}")
                .send().expect(400);
        assertFalse(api.get(GROUPS).as(intruder).send().body().contains("Private"));
        assertEquals(List.of("insider"), api.get(GROUPS + "/" + group + "/members").as(admin).send().usernames());
        assertEquals("Private", api.get(GROUPS + "/" + group).as(admin).send().json().getString("displayName"));
    }

    @Test
    void anIdentityProviderKeepsItsSecretAndBindsUsers() throws Exception {
        String secret = "idp-secret-" + UUID.randomUUID();
        Api.Answer added = api.post(PROVIDERS).as(admin).json("{\"name\": \"Cooori Entra ID\", \"prefix\": "
                + "\"cooori-entra\", \"type\": \"OIDC\", \"issuer\": \"https://login.example.com/t1/v2.0\", "
                + "\"clientId\": \"roster-app\", \"clientSecret\": \"" + secret + "\"}").send().expect(201);
        JsonObject provider = added.json();
        String id = provider.getString("id");
        assertEquals("oidc", provider.getString("type"));
        assertTrue(provider.getBoolean("enabled"));
        assertTrue(provider.getBoolean("clientSecretSet"));
        assertFalse(added.body().contains(secret));
        assertFalse(api.get(PROVIDERS + "/" + id).as(admin).send().expect(200).body().contains(secret));
        assertFalse(api.get(PROVIDERS).as(admin).send().expect(200).body().contains(secret));
        assertFalse(api.get("/api/v1/provisioning/events?size=50").as(admin).send().body().contains(secret));
        assertFalse(StoredData.contains(secret), "the client secret is not in the database in clear");
        assertTrue(StoredData.contains("roster-app"), "the scan sees what the database wrote");

        api.post(PROVIDERS).as(admin).json("{\"name\": \"Again\", \"prefix\": \"COOORI-ENTRA\", \"type\": "
                + "\"saml\", \"metadataUrl\": \"https://idp.example.com/metadata\"}").send().expect(409);
        assertField(api.post(PROVIDERS).as(admin).json("{\"name\": \"No issuer\", \"prefix\": \"x1\", "
                + "\"type\": \"oidc\", \"clientId\": \"c\"}").send().expect(400), "issuer");
        assertField(api.post(PROVIDERS).as(admin).json("{\"name\": \"Odd\", \"prefix\": \"x2\", "
                + "\"type\": \"ldap\"}").send().expect(400), "type");
        assertField(api.post(PROVIDERS).as(admin).json("{\"name\": \"Bad URL\", \"prefix\": \"x3\", "
                + "\"type\": \"saml\", \"metadataUrl\": \"ftp://idp\"}").send().expect(400), "metadataUrl");
        assertField(api.post(PROVIDERS).as(admin).json("{\"name\": \"Spaces\", \"prefix\": \"a b\", "
                + "\"type\": \"saml\", \"metadataUrl\": \"https://idp.example.com/m\"}").send().expect(400),
                "prefix");
        assertField(api.put(PROVIDERS + "/" + id).as(admin).json("{\"prefix\": \"renamed\"}").send().expect(400),
                "prefix");
        assertFalse(api.put(PROVIDERS + "/" + id).as(admin).json("{\"enabled\": false}").send().expect(200).json()
                .getBoolean("enabled"));

        api.plainMember(tenant, "federated", "USER", null);
        JsonObject bound = api.put("/api/v1/provisioning/users/federated").as(admin)
                .json("{\"identityProviderId\": \"" + id + "\"}").send().expect(200).json();
        assertEquals(id, bound.getString("identityProviderId"));
        Api.Answer inUse = api.delete(PROVIDERS + "/" + id).as(admin).send().expect(409);
        assertTrue(inUse.json().getString("detail").contains("1 user"), inUse.body());
        String away = api.newTenant();
        String awayAdmin = api.member(away, "boss", "ADMINISTRATOR", null);
        api.get(PROVIDERS + "/" + id).as(awayAdmin).send().expect(404);
        api.delete(PROVIDERS + "/" + id).as(awayAdmin).send().expect(404);
        api.plainMember(away, "stranger", "USER", null);
        assertField(api.put("/api/v1/provisioning/users/stranger").as(awayAdmin).json("{\"identityProviderId\": \""
                + id + "\"}").send().expect(400), "identityProviderId");
        api.put("/api/v1/provisioning/users/federated").as(admin).json("{\"identityProviderId\": null}").send()
                .expect(200);
        api.delete(PROVIDERS + "/" + id).as(admin).send().expect(204);
        String events = api.get("/api/v1/provisioning/events?size=50").as(admin).send().body();
        for (String action : List.of("identity-provider.created", "identity-provider.changed",
                "user.identity-provider.bound", "user.identity-provider.unbound", "identity-provider.deleted")) {
            assertTrue(events.contains("\"" + action + "\""), action);
        }
    }

    private static List<String> names(Api.Answer page) {
        return page.content().stream().map(g -> g.getString("displayName")).toList();
    }

    private static void assertField(Api.Answer refused, String field) {
        assertTrue(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").equals(field)), refused.body());
    }
}
