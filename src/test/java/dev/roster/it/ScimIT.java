package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 at {@code /scim/v2} as Entra ID and Okta call it: each request below is the one those clients send,
 * verbatim but for ids; the filter grammar, paging, sorting and shaping of lists; entity tags; Bulk; the SCIM error
 * of each kind of bad input; credentials, roles, tenants and the service switch crossed.
 */
class ScimIT extends RosterIT {

    static final String SCIM = "application/scim+json";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":%s}";
    /** Okta's create (its SCIM 2.0 test app): a password and an empty groups list. */
    static final String OKTA_CREATE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"%1$s","type":"work"}],"displayName":"Test User",
             "locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],"password":"1mz050nq","active":true}""";

    String tenant;
    String admin;
    String key;

    @BeforeEach
    void tenantWithScimOn() {
        tenant = api.newTenant();
        api.put("/api/v1/tenants/" + tenant + "/services/scim").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
        key = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\": \"Entra ID\"}").send().expect(201)
                .json().getString("apiToken");
    }

    Api.Call scim(String method, String path) {
        return api.call(method, "/scim/v2" + path).as(key);
    }

    Api.Answer send(String method, String path, String body) {
        return scim(method, path).body(SCIM, body).send();
    }

    static String filter(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String create(String userName) {
        return send("POST", "/Users", OKTA_CREATE.formatted(userName)).expect(201).json().getString("id");
    }

    static List<String> userNames(JsonObject list) {
        return list.getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
                .map(u -> u.getString("userName")).toList();
    }

    static String patch(String operations) {
        return PATCH.formatted(operations);
    }

    @Test
    void entraTestConnectionFindsNoUserForARandomGuid() {
        Api.Answer answer = scim("GET", "/Users?filter=" + filter("userName eq \"" + UUID.randomUUID() + "\""))
                .send().expect(200);
        assertTrue(answer.header("Content-Type").startsWith(SCIM), answer.header("Content-Type"));
        JsonObject list = answer.json();
        assertEquals(0, list.getInt("totalResults"));
        assertEquals(List.of(), list.getJsonArray("Resources"));
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse",
                list.getJsonArray("schemas").getString(0));
    }

    @Test
    void oktaCreatesLooksUpReplacesAndDeactivatesAUserThatStaysReadable() {
        Api.Answer created = send("POST", "/Users", OKTA_CREATE.formatted("test.user@okta.local")).expect(201);
        JsonObject user = created.json();
        String id = user.getString("id");
        assertTrue(created.header("Location").endsWith("/scim/v2/Users/" + id), created.header("Location"));
        assertEquals(created.header("ETag"), user.getJsonObject("meta").getString("version"));
        assertEquals("User", user.getJsonObject("meta").getString("resourceType"));
        assertFalse(user.containsKey("password"), "a password is never read back");
        assertTrue(user.getBoolean("active"));
        send("PATCH", "/Users/" + id, patch("[{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"USER\"}]}]"))
                .expect(200);
        api.token("test.user@okta.local", "1mz050nq", tenant); // the password was set, and a role lets it sign in

        JsonObject duplicate = send("POST", "/Users", OKTA_CREATE.formatted("Test.User@okta.local")).expect(409).json();
        assertEquals("uniqueness", duplicate.getString("scimType"));
        assertEquals("409", duplicate.getString("status"));

        JsonObject found = scim("GET", "/Users?filter=" + filter("userName eq \"test.user@okta.local\"")
                + "&startIndex=1&count=100").send().expect(200).json();
        assertEquals(1, found.getInt("totalResults"));
        assertEquals(id, found.getJsonArray("Resources").getJsonObject(0).getString("id"));

        String replaced = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"test.user@okta.local",
                 "name":{"givenName":"Another","familyName":"User"},
                 "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],"displayName":"Another User",
                 "active":true}""".formatted(id);
        JsonObject put = send("PUT", "/Users/" + id, replaced).expect(200).json();
        assertEquals("Another", put.getJsonObject("name").getString("givenName"));
        assertFalse(put.containsKey("locale"), "a PUT clears what it leaves out");
        assertFalse(put.containsKey("externalId"));
        assertEquals("USER", put.getJsonArray("roles").getJsonObject(0).getString("value"),
                "but for the roles: a PUT without them keeps the user's privileges");
        api.token("test.user@okta.local", "1mz050nq", tenant);

        JsonObject deactivated = send("PATCH", "/Users/" + id,
                patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]")).expect(200).json();
        assertFalse(deactivated.getBoolean("active"));
        assertEquals("DEPROVISIONED", api.get("/api/v1/provisioning/users/test.user@okta.local").as(admin).send()
                .expect(200).json().getString("status"));
        scim("GET", "/Users/" + id).send().expect(200);
        JsonObject inactive = scim("GET", "/Users?filter=" + filter("active eq false")).send().expect(200).json();
        assertEquals(List.of("test.user@okta.local"), userNames(inactive), "an inactive user is still filterable");
        assertNotEquals(200, api.login("test.user@okta.local", "1mz050nq", tenant).status(),
                "a de-provisioned user signs in to nothing");

        JsonObject restored = send("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":true}}]"))
                .expect(200).json();
        assertTrue(restored.getBoolean("active"));
    }

    @Test
    void entraPatchesWithCapitalisedOpsStringBooleansDottedAndUrnKeysAndTheManagersPath() {
        String manager = create("manager@contoso.test");
        String id = create("alice@contoso.test");
        send("PATCH", "/Users/" + id, patch("""
                [{"op":"Replace","path":"displayName","value":"Alice Smith"},
                 {"op":"Replace","value":{"name.givenName":"Alice","name.familyName":"Smith",
                   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-77",
                   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Finance"}},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                  "value":"%s"},
                 {"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+354 555 1234"},
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"alice.smith@contoso.test"},
                 {"op":"Add","path":"title","value":"Controller"}]""".formatted(manager))).expect(200);
        JsonObject user = scim("GET", "/Users/" + id).send().expect(200).json();
        assertEquals("Alice Smith", user.getString("displayName"));
        assertEquals("Alice", user.getJsonObject("name").getString("givenName"));
        assertEquals("Smith", user.getJsonObject("name").getString("familyName"));
        JsonObject enterprise = user.getJsonObject(ENTERPRISE);
        assertEquals("E-77", enterprise.getString("employeeNumber"));
        assertEquals("Finance", enterprise.getString("department"));
        assertEquals(manager, enterprise.getJsonObject("manager").getString("value"));
        assertEquals("manager@contoso.test", enterprise.getJsonObject("manager").getString("displayName"));
        assertEquals("+354 555 1234", user.getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
        assertEquals("alice.smith@contoso.test", user.getJsonArray("emails").getJsonObject(0).getString("value"));
        JsonObject native_ = api.get("/api/v1/provisioning/users/alice@contoso.test").as(admin).send().expect(200)
                .json();
        assertEquals("manager@contoso.test", native_.getString("manager"), "the enterprise manager is Roster's");
        assertEquals("Finance", native_.getString("dept"));
        assertEquals("Controller", native_.getString("title"), "SCIM's attributes are readable natively");

        send("PATCH", "/Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"))
                .expect(200);
        assertFalse(scim("GET", "/Users/" + id).send().expect(200).json().getBoolean("active"),
                "Entra's string boolean");
        send("PATCH", "/Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]"))
                .expect(200);
        assertTrue(scim("GET", "/Users/" + id).send().expect(200).json().getBoolean("active"));
        send("PATCH", "/Users/" + id, patch("""
                [{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]"""))
                .expect(200);
        JsonObject after = api.get("/api/v1/provisioning/users/alice@contoso.test").as(admin).send().json();
        assertTrue(!after.containsKey("manager") || after.isNull("manager"), after.toString());
    }

    @Test
    void entraMatchesUsersByExternalIdAndWorkEmailAndGroupsByDisplayName() {
        String id = send("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@contoso.test",
                 "active":true,"displayName":"Test User","emails":[{"primary":true,"type":"work",
                 "value":"Test_User_fd0ea19b@contoso.test"}],"meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""").expect(201).json().getString("id");
        for (String byWhat : List.of("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"",
                "emails[type eq \"work\"].value eq \"test_user_fd0ea19b@contoso.test\"",
                "emails[type eq \"work\" and value eq \"Test_User_fd0ea19b@contoso.test\"]",
                "userName eq \"Test_User_ab6490ee@contoso.test\"")) {
            JsonObject found = scim("GET", "/Users?filter=" + filter(byWhat)).send().expect(200).json();
            assertEquals(1, found.getInt("totalResults"), byWhat);
            assertEquals(id, found.getJsonArray("Resources").getJsonObject(0).getString("id"), byWhat);
        }
        assertEquals(0, scim("GET", "/Users?filter=" + filter("externalId eq \"0A21F0F2-8D2A-4F8E-BF98-7363C4AED4EF\""))
                .send().expect(200).json().getInt("totalResults"), "externalId is case-exact");
        assertEquals(0, scim("GET", "/Users?filter=" + filter("emails[type eq \"home\"].value eq "
                + "\"test_user_fd0ea19b@contoso.test\"")).send().expect(200).json().getInt("totalResults"),
                "Roster's one address is the work one");

        String group = send("POST", "/Groups", """
                {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Group1DisplayName",
                 "meta":{"resourceType":"Group"},"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""")
                .expect(201).json().getString("id");
        JsonObject groups = scim("GET", "/Groups?excludedAttributes=members&filter="
                + filter("displayName eq \"Group1DisplayName\"")).send().expect(200).json();
        assertEquals(1, groups.getInt("totalResults"));
        JsonObject listed = groups.getJsonArray("Resources").getJsonObject(0);
        assertEquals(group, listed.getString("id"));
        assertFalse(listed.containsKey("members"), "excludedAttributes=members");
        assertEquals(1, scim("GET", "/Groups?filter="
                + filter("externalId eq \"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159\"")).send().expect(200).json()
                .getInt("totalResults"));
    }

    @Test
    void groupsArePushedRenamedAndChangedByPatchAndDeleted() {
        String ann = create("ann@okta.local");
        String bob = create("bob@okta.local");
        String cid = create("cid@okta.local");
        JsonObject pushed = send("POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}""")
                .expect(201).json();
        String group = pushed.getString("id");
        assertEquals(List.of(), pushed.getJsonArray("members"));
        String etag = pushed.getJsonObject("meta").getString("version");

        Api.Answer added = send("PATCH", "/Groups/" + group, patch("""
                [{"op":"add","path":"members","value":[{"value":"%s","display":"ann@okta.local"},
                 {"value":"%s","display":"bob@okta.local"},{"value":"%s"}]}]""".formatted(ann, bob, cid)));
        added.expect(204);
        send("PATCH", "/Groups/" + group, patch("[{\"op\":\"replace\",\"value\":{\"id\":\"" + group
                + "\",\"displayName\":\"Renamed\"}}]")).expect(204); // Okta's rename names the group's id
        send("PATCH", "/Groups/" + group, patch("[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bob + "\"}]}]")).expect(204);
        send("PATCH", "/Groups/" + group, patch("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + cid
                + "\\\"]\"}]")).expect(204);
        JsonObject read = scim("GET", "/Groups/" + group).send().expect(200).json();
        assertEquals("Renamed", read.getString("displayName"));
        assertEquals(List.of(ann), read.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("value")).toList());
        assertNotEquals(etag, read.getJsonObject("meta").getString("version"), "member changes move the version on");
        JsonObject annRead = scim("GET", "/Users/" + ann).send().expect(200).json();
        assertEquals("Renamed", annRead.getJsonArray("groups").getJsonObject(0).getString("display"));
        assertEquals(1, scim("GET", "/Users?filter=" + filter("groups.value eq \"" + group + "\"")).send()
                .expect(200).json().getInt("totalResults"));
        assertEquals(1, scim("GET", "/Groups?filter=" + filter("members.value eq \"" + ann + "\"")).send()
                .expect(200).json().getInt("totalResults"));

        send("PATCH", "/Groups/" + group, patch("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bob + "\"}]}]")).expect(204);
        assertEquals(List.of("bob@okta.local"), api.get("/api/v1/provisioning/groups/" + group + "/members").as(admin)
                .send().expect(200).content().stream().map(m -> m.getString("username"))
                .toList());

        scim("DELETE", "/Groups/" + group).send().expect(204);
        JsonObject gone = scim("GET", "/Groups/" + group).send().expect(404).json();
        assertEquals("404", gone.getString("status"));
        scim("GET", "/Users/" + bob).send().expect(200);
    }

    @Test
    void theWholeFilterGrammarSortingPagingAndShaping() {
        String[][] people = {{"amy", "Amy", "Adams", "Sales", "E1"}, {"ben", "Ben", "Brown", "Sales", "E2"},
                {"cat", "Cat", "Clark", "Support", "E3"}, {"dan", "Dan", "Davis", null, "E4"}};
        for (String[] p : people) {
            send("POST", "/Users", """
                    {"schemas":["%s"],"userName":"%s","name":{"givenName":"%s","familyName":"%s"},
                     "emails":[{"value":"%s@example.org","type":"work"}],"externalId":"%s"%s}"""
                    .formatted(USER, p[0], p[1], p[2], p[0], p[4], p[3] == null ? ""
                            : ",\"title\":\"" + p[3] + "\"")).expect(201);
        }
        assertEquals(List.of("amy", "ben"), names("title eq \"Sales\" and userName sw \"a\" or title eq \"Sales\""
                + " and name.familyName ew \"wn\""));
        assertEquals(List.of("cat", "dan"), names("not (title eq \"Sales\") and userName ne \"boss\""));
        assertEquals(List.of("dan"), names("not (title pr) and userName ne \"boss\""));
        assertEquals(List.of("amy", "ben"), names("(title eq \"sales\") and emails.value co \"@example.org\""),
                "title is not case-exact");
        assertEquals(List.of("amy", "ben", "cat", "dan"), names("externalId sw \"E\""));
        assertEquals(List.of("cat", "dan"), names("externalId gt \"E2\""));
        assertEquals(List.of("amy", "ben", "cat"), names("externalId le \"E3\""));
        assertEquals(List.of("ben", "boss"), names("userName sw \"b\""));
        String since = scim("GET", "/Users?filter=" + filter("userName eq \"cat\"")).send().json()
                .getJsonArray("Resources").getJsonObject(0).getJsonObject("meta").getString("lastModified");
        assertTrue(names("meta.lastModified ge \"" + since + "\"").contains("cat"));
        assertFalse(names("meta.lastModified gt \"" + since + "\"").contains("amy"));

        JsonObject sorted = scim("GET", "/Users?sortBy=name.familyName&sortOrder=descending&startIndex=2&count=2"
                + "&filter=" + filter("externalId pr")).send().expect(200).json();
        assertEquals(List.of("cat", "ben"), userNames(sorted));
        assertEquals(4, sorted.getInt("totalResults"));
        assertEquals(2, sorted.getInt("startIndex"));
        assertEquals(2, sorted.getInt("itemsPerPage"));
        JsonObject counted = scim("GET", "/Users?count=0").send().expect(200).json();
        assertEquals(5, counted.getInt("totalResults"));
        assertEquals(List.of(), counted.getJsonArray("Resources"));

        JsonObject shaped = scim("GET", "/Users?attributes=userName,name.givenName&filter="
                + filter("userName eq \"amy\"")).send().expect(200).json().getJsonArray("Resources").getJsonObject(0);
        assertEquals(List.of("schemas", "id", "userName", "name"), List.copyOf(shaped.keySet()));
        assertEquals(List.of("givenName"), List.copyOf(shaped.getJsonObject("name").keySet()));
        JsonObject without = scim("GET", "/Users?excludedAttributes=emails,meta&filter="
                + filter("userName eq \"amy\"")).send().expect(200).json().getJsonArray("Resources").getJsonObject(0);
        assertFalse(without.containsKey("emails"));
        assertFalse(without.containsKey("meta"));
        assertTrue(without.containsKey("userName"));

        JsonObject searched = send("POST", "/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                + "SearchRequest\"],\"filter\":\"title eq \\\"Support\\\"\",\"attributes\":[\"userName\"]}")
                .expect(200).json();
        assertEquals(List.of("cat"), userNames(searched));
    }

    private List<String> names(String filter) {
        return userNames(scim("GET", "/Users?sortBy=userName&filter=" + filter(filter)).send().expect(200).json());
    }

    @Test
    void entityTagsGuardWritesAndSpareReads() {
        String id = create("etag@example.org");
        Api.Answer read = scim("GET", "/Users/" + id).send().expect(200);
        String etag = read.header("ETag");
        scim("GET", "/Users/" + id).header("If-None-Match", etag).send().expect(304);
        send("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Boss\"}]"))
                .expect(200);
        scim("GET", "/Users/" + id).header("If-None-Match", etag).send().expect(200);
        JsonObject stale = scim("PATCH", "/Users/" + id).header("If-Match", etag).body(SCIM,
                patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Clerk\"}]")).send().expect(412).json();
        assertEquals("412", stale.getString("status"));
        scim("PUT", "/Users/" + id).header("If-Match", etag).body(SCIM, OKTA_CREATE.formatted("etag@example.org"))
                .send().expect(412);
        scim("DELETE", "/Users/" + id).header("If-Match", etag).send().expect(412);
        assertEquals("Boss", scim("GET", "/Users/" + id).send().json().getString("title"));
        String current = scim("GET", "/Users/" + id).send().header("ETag");
        scim("DELETE", "/Users/" + id).header("If-Match", current).send().expect(204);
        assertFalse(scim("GET", "/Users/" + id).send().expect(200).json().getBoolean("active"),
                "DELETE de-provisions, and the user stays readable");
    }

    @Test
    void bulkResolvesBulkIdsAndStopsAfterFailOnErrors() {
        JsonObject answer = send("POST", "/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1,
                 "Operations":[
                  {"method":"POST","path":"/Users","bulkId":"qwerty",
                   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Alice@example.org"}},
                  {"method":"POST","path":"/Groups","bulkId":"ytrewq",
                   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides",
                           "members":[{"type":"User","value":"bulkId:qwerty"}]}},
                  {"method":"PATCH","path":"/Users/bulkId:qwerty","data":%s},
                  {"method":"POST","path":"/Users","bulkId":"again",
                   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.org"}},
                  {"method":"POST","path":"/Users","bulkId":"never",
                   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"never@example.org"}}
                 ]}""".formatted(patch("[{\"op\":\"add\",\"path\":\"title\",\"value\":\"Guide\"}]")))
                .expect(200).json();
        List<JsonObject> results = answer.getJsonArray("Operations").getValuesAs(JsonObject.class);
        assertEquals(List.of("201", "201", "200", "409"), results.stream().map(r -> r.getString("status")).toList(),
                "the fourth fails and failOnErrors 1 stops the fifth");
        assertEquals("uniqueness", results.get(3).getJsonObject("response").getString("scimType"));
        String user = results.get(0).getString("location").replaceAll(".*/", "");
        JsonObject group = scim("GET", results.get(1).getString("location").replaceAll(".*/scim/v2", "")).send()
                .expect(200).json();
        assertEquals(user, group.getJsonArray("members").getJsonObject(0).getString("value"));
        assertEquals("Guide", scim("GET", "/Users/" + user).send().json().getString("title"));
        assertEquals(0, scim("GET", "/Users?filter=" + filter("userName eq \"never@example.org\"")).send().json()
                .getInt("totalResults"));
    }

    @Test
    void everyKindOfBadInputGetsItsScimError() {
        String id = create("someone@example.org");
        expectError(send("POST", "/Users", "{\"userName\": "), 400, "invalidSyntax");
        expectError(send("POST", "/Users", "[1, 2]"), 400, "invalidSyntax");
        expectError(send("POST", "/Users", "{\"userName\":\"a\",\"userName\":\"b\"}"), 400, "invalidSyntax");
        expectError(scim("GET", "/Users?filter=" + filter("userName eq")).send(), 400, "invalidFilter");
        expectError(scim("GET", "/Users?filter=" + filter("shoeSize gt 42")).send(), 400, "invalidFilter");
        expectError(scim("GET", "/Users?filter=" + filter("meta.created gt \"yesterday\"")).send(), 400,
                "invalidFilter");
        expectError(send("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"emails[type eq\","
                + "\"value\":\"x\"}]")), 400, "invalidPath");
        expectError(send("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"userName\","
                + "\"value\":\"someone.else@example.org\"}]")), 400, "mutability");
        expectError(send("PATCH", "/Users/" + id, patch("[{\"op\":\"add\",\"path\":\"roles\",\"value\":"
                + "[{\"value\":\"Astronaut\"}]}]")), 400, "invalidValue");
        expectError(send("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":5}]")),
                400, "invalidValue");
        expectError(send("PATCH", "/Users/" + id, patch("[{\"op\":\"jump\",\"path\":\"title\",\"value\":\"x\"}]")),
                400, "invalidSyntax");
        expectError(send("POST", "/Users", "{\"userName\":\"no-address\"}"), 400, "invalidValue");
        expectError(send("POST", "/Users", "{\"userName\":\"long@example.org\",\"title\":\"" + "x".repeat(300)
                + "\"}"), 400, "invalidValue");
        expectError(send("POST", "/Groups", "{\"displayName\":\"G\",\"members\":[{\"value\":\"nobody\"}]}"), 400,
                "invalidValue");
        expectError(scim("GET", "/Users?sortBy=shoeSize").send(), 400, "invalidValue");
        expectError(send("POST", "/Users", "{\"userName\":\"big@example.org\",\"title\":\"" + "x".repeat(1 << 20)
                + "\"}"), 413, null);
        expectError(scim("GET", "/Users/" + UUID.randomUUID()).send(), 404, null);
        expectError(scim("GET", "/Groups/" + "x".repeat(100)).send(), 404, null);
        assertEquals("someone@example.org", scim("GET", "/Users/" + id).send().json().getString("userName"),
                "nothing was written");
    }

    private static void expectError(Api.Answer answer, int status, String scimType) {
        answer.expect(status);
        assertTrue(answer.header("Content-Type").startsWith(SCIM), answer.header("Content-Type"));
        JsonObject error = answer.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", ((JsonString) error.getJsonArray("schemas").get(0))
                .getString());
        assertEquals(Integer.toString(status), error.getString("status"));
        assertFalse(error.getString("detail").isBlank());
        if (scimType != null) {
            assertEquals(scimType, error.getString("scimType"), answer.body());
        }
    }

    @Test
    void credentialsRolesTenantsAndTheServiceSwitchAreCrossed() {
        String id = create("mine@example.org");
        expectError(api.get("/scim/v2/Users").send(), 401, null);
        expectError(api.get("/scim/v2/Users").header("Authorization", "Bearer not-a-key").send(), 401, null);
        scim("GET", "/Users").send().expect(200);
        api.get("/scim/v2/Users").as(admin).send().expect(200); // a Roster token works too

        String user = api.member(tenant, "plain", "USER", null);
        expectError(api.get("/scim/v2/Users").as(user).send(), 403, null);

        String other = api.newTenant();
        api.put("/api/v1/tenants/" + other + "/services/scim").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        String stranger = api.member(other, "boss", "ADMINISTRATOR", null);
        expectError(api.get("/scim/v2/Users/" + id).as(stranger).send(), 404, null);
        assertEquals(0, api.get("/scim/v2/Users?filter=" + filter("userName eq \"mine@example.org\"")).as(stranger)
                .send().expect(200).json().getInt("totalResults"));
        expectError(api.call("PATCH", "/scim/v2/Users/" + id).as(stranger).body(SCIM,
                patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Mine\"}]")).send(), 404, null);
        expectError(api.post("/scim/v2/Groups").as(stranger).body(SCIM, "{\"displayName\":\"G\",\"members\":"
                + "[{\"value\":\"" + id + "\"}]}").send(), 400, "invalidValue");
        api.get("/scim/v2/Users/" + id).as(api.operator()).tenant(tenant).send().expect(200);

        String keyId = api.get("/api/v1/provisioning/api-keys").as(admin).send().expect(200).content().get(0)
                .getString("id");
        api.delete("/api/v1/provisioning/api-keys/" + keyId).as(admin).send().expect(204);
        expectError(scim("GET", "/Users").send(), 401, null);

        api.put("/api/v1/tenants/" + tenant + "/services/scim").as(api.operator()).json("{\"enabled\": false}").send()
                .expect(200);
        Api.Answer off = api.get("/scim/v2/Users").as(admin).send();
        expectError(off, 403, null);
        assertTrue(off.json().getString("detail").contains("scim"), off.body());
    }

    @Test
    void discoveryDescribesWhatRosterSupports() {
        JsonObject config = scim("GET", "/ServiceProviderConfig").send().expect(200).json();
        assertTrue(config.getJsonObject("patch").getBoolean("supported"));
        assertTrue(config.getJsonObject("bulk").getBoolean("supported"));
        assertTrue(config.getJsonObject("etag").getBoolean("supported"));
        assertEquals(1000, config.getJsonObject("filter").getInt("maxResults"));
        JsonObject types = scim("GET", "/ResourceTypes").send().expect(200).json();
        assertEquals(List.of("User", "Group"), types.getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name")).toList());
        JsonObject schemas = scim("GET", "/Schemas").send().expect(200).json();
        JsonObject user = schemas.getJsonArray("Resources").getJsonObject(0);
        assertEquals(USER, user.getString("id"));
        List<String> attributes = user.getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("name")).toList();
        assertTrue(attributes.containsAll(List.of("userName", "name", "emails", "active", "password")),
                attributes.toString());
        assertFalse(attributes.contains("x509Certificates"), "only what Roster keeps");
        scim("GET", "/Schemas/" + ENTERPRISE).send().expect(200);
        expectError(scim("GET", "/Schemas/urn:nothing").send(), 404, null);
    }

    @Test
    void anIdempotencyKeyReplaysACreate() {
        Api.Answer first = scim("POST", "/Users").header("Idempotency-Key", "scim-create-1")
                .body(SCIM, OKTA_CREATE.formatted("once@example.org")).send().expect(201);
        Api.Answer again = scim("POST", "/Users").header("Idempotency-Key", "scim-create-1")
                .body(SCIM, OKTA_CREATE.formatted("once@example.org")).send().expect(201);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("id"), again.json().getString("id"));
    }
}
