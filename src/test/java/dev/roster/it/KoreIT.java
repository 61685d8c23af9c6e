package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.it.shared.SharedRoster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kore.ai's bulk user creation (seed 002) as a Kore.ai client calls it: the document's sample request, verbatim but
 * for its {@code xxxx} ids, with the JWT in the {@code auth} header; every field of {@code userInfo} stored and read
 * back through the native API; each kind of failure reported in {@code failedUserDetails} while the other users are
 * created; the activation e-mail.
 */
class KoreIT extends RosterIT {

    static final String PATH = "/api/public/users";
    static final String SUCCESS = "{\"msg\":\"Users are created Successfully\"}";
    static final String USER_EXISTS = "USER_ALREADY_EXISTS";

    String tenant;
    String admin;
    String group;
    String role;

    @BeforeEach
    void tenantWithKoreOn() {
        SharedRoster.startMail();
        tenant = api.newTenant();
        for (String service : List.of("kore", "invitations")) {
            api.put("/api/v1/tenants/" + tenant + "/services/" + service).as(api.operator())
                    .json("{\"enabled\": true}").send().expect(200);
        }
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
        group = api.post("/api/v1/provisioning/groups").as(admin).json("{\"displayName\": \"Bot builders\"}").send()
                .expect(201).json().getString("id");
        role = api.post("/api/v1/provisioning/roles").as(admin).json("{\"name\": \"Bot Developer\", \"weight\": 5}")
                .send().expect(201).json().getString("id");
    }

    @Test
    void theDocumentsSampleRequestCreatesTheUserWithItsGroupRoleAndActivationEmail() throws Exception {
        String sample = """
                {
                    "users": [
                        {
                            "userInfo": {
                                "emailId": "john.doe@example.com",
                                "orgUserId": "org assigned user id",
                                "firstName": "john",
                                "lastName": "doe",
                                "companyName": "company_name",
                                "dept": "dept"
                            },
                            "groups": [
                                "e-06b41cdd-7678-5394-b958-40ca5662xxxx"
                            ],
                            "roles": [
                                {
                                    "roleId": "5d9d8db30d54920a8df1xxxx",
                                    "botId": "st-b8525f88-6dd3-54a7-8a97-734ecb74xxxx"
                                }
                            ],
                            "canCreateBot": true,
                            "isDeveloper": true
                        }
                    ]
                }""".replace("e-06b41cdd-7678-5394-b958-40ca5662xxxx", group).replace("5d9d8db30d54920a8df1xxxx", role);
        String answer = api.post(PATH).header("auth", admin).json(sample).send().expect(200).body();
        assertEquals(SUCCESS, answer);

        JsonObject user = api.get("/api/v1/provisioning/users/john.doe@example.com").as(admin).send().expect(200)
                .json();
        assertEquals("INVITED", user.getString("status"), "sendEmail defaults to true: INVITED until it accepts");
        assertEquals("org assigned user id", user.getString("orgUserId"));
        assertEquals("company_name", user.getString("companyName"));
        assertEquals("dept", user.getString("dept"));
        assertEquals("john", user.getString("firstName"));
        assertTrue(user.getBoolean("canCreateBot") && user.getBoolean("isDeveloper"));
        assertEquals(group, user.getJsonArray("groups").getJsonObject(0).getString("id"));
        JsonObject privilege = user.getJsonArray("tenantUserPrivileges").getJsonObject(0);
        assertEquals(role, privilege.getString("role"));
        assertEquals("st-b8525f88-6dd3-54a7-8a97-734ecb74xxxx", privilege.getString("scope"));
        assertEquals(List.of("john.doe@example.com"), api.get("/api/v1/provisioning/users?orgUserId=org%20assigned"
                + "%20user%20id").as(admin).send().expect(200).usernames());
        assertEquals(List.of(), api.get("/api/v1/provisioning/users?orgUserId=org").as(admin).send().expect(200)
                .usernames(), "orgUserId is matched exactly");

        MimeMessage mail = InvitationsIT.mailTo("john.doe@example.com", 1).get(0);
        String token = InvitationsIT.token(String.valueOf(mail.getContent()));
        api.post("/api/v1/invitations/accept").json("{\"token\": \"" + token + "\", \"password\": \"" + Api.PASSWORD
                + "\"}").send().expect(200);
        assertEquals("ACTIVE", api.get("/api/v1/provisioning/users/john.doe@example.com").as(admin).send().expect(200)
                .json().getString("status"));
        assertTrue(api.get("/api/v1/provisioning/users").as(admin).send().expect(200).usernames()
                .contains("john.doe@example.com"), "listed once it accepted: it holds the bot's role");
    }

    @Test
    void everyFieldOfUserInfoIsStoredAndSendEmailFalseActivatesAtOnce() {
        String full = "{\"users\": [{\"userInfo\": {\"emailId\": \"ann@example.com\", \"orgUserId\": \"E-1\", "
                + "\"firstName\": \"Ann\", \"lastName\": \"Lee\", \"companyName\": \"Acme\", \"dept\": \"Support\", "
                + "\"companyContactPhone\": \"+1 555 0100\", \"worknumber\": \"+1 555 0101\", "
                + "\"street\": \"1 Main St\", "
                + "\"suiteNo\": \"200\", \"city\": \"Springfield\", \"zip\": \"12345\", \"state\": \"IL\", "
                + "\"country\": \"US\"}, \"assignBotTasks\": [\"st-bot-1\", \"st-bot-2\"], \"canCreateBot\": false, "
                + "\"isDeveloper\": false, \"sendEmail\": false}]}";
        assertEquals(SUCCESS, api.post(PATH).header("auth", admin).json(full).send().expect(200).body());
        JsonObject user = api.get("/api/v1/provisioning/users/ann@example.com").as(admin).send().expect(200).json();
        Map<String, String> expected = Map.of("orgUserId", "E-1", "companyName", "Acme", "dept", "Support",
                "companyContactPhone", "+1 555 0100", "worknumber", "+1 555 0101", "street", "1 Main St",
                "suiteNo", "200", "city", "Springfield", "zip", "12345", "state", "IL");
        expected.forEach((field, value) -> assertEquals(value, user.getString(field), field));
        assertEquals("US", user.getString("country"));
        assertEquals("Lee", user.getString("lastName"));
        assertFalse(user.getBoolean("canCreateBot"));
        assertFalse(user.getBoolean("isDeveloper"));
        assertEquals(List.of("st-bot-1", "st-bot-2"), user.getJsonArray("botTasks").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("ACTIVE", user.getString("status"), "without the activation e-mail the user is active at once");

        String etag = api.get("/api/v1/provisioning/users/ann@example.com").as(admin).send().header("ETag");
        api.put("/api/v1/provisioning/users/ann@example.com").as(admin).header("If-Match", etag)
                .json("{\"dept\": null, \"botTasks\": [], \"orgUserId\": \"E-2\"}").send().expect(200);
        api.put("/api/v1/provisioning/users/ann@example.com").as(admin).header("If-Match", etag)
                .json("{\"dept\": \"Sales\"}").send().expect(412); // the row batched in has a version to lock on
        JsonObject changed = api.get("/api/v1/provisioning/users/ann@example.com").as(admin).send().expect(200).json();
        assertTrue(changed.isNull("dept"));
        assertEquals(0, changed.getJsonArray("botTasks").size());
        assertEquals(List.of("ann@example.com"), api.get("/api/v1/provisioning/users?orgUserId=E-2").as(admin).send()
                .expect(200).usernames());
    }

    @Test
    void eachFailureIsReportedWhileEveryValidUserIsCreated() {
        api.post(PATH).header("auth", admin).json("{\"users\": [{\"userInfo\": {\"emailId\": \"taken@example.com\"},"
                + " \"sendEmail\": false}]}").send().expect(200);
        String body = "{\"users\": ["
                + "{\"userInfo\": {\"emailId\": \"deskkore1\", \"firstName\": \"user1\"}},"
                + "{\"userInfo\": {\"emailId\": \"ok1@example.com\"}, \"sendEmail\": false},"
                + "{\"userInfo\": {\"firstName\": \"nomail\"}},"
                + "{\"userInfo\": {\"emailId\": \"OK1@example.com\"}},"
                + "{\"userInfo\": {\"emailId\": \"g@example.com\"}, \"groups\": [\"no-such-group\"]},"
                + "{\"userInfo\": {\"emailId\": \"r@example.com\"}, "
                + "\"roles\": [{\"roleId\": \"Janitor\", \"botId\": \"b\"}]},"
                + "{\"userInfo\": {\"emailId\": \"taken@example.com\"}},"
                + "{\"userInfo\": {\"emailId\": \"c@example.com\", \"country\": \"Iceland\"}},"
                + "{\"userInfo\": {\"emailId\": \"f@example.com\", \"fax\": \"1\"}},"
                + "{\"userInfo\": {\"emailId\": \"ok2@example.com\"}, \"roles\": [{\"roleId\": \"bot developer\", "
                + "\"botId\": \"st-1\"}], \"groups\": [\"" + group + "\"], \"sendEmail\": false}"
                + "]}";
        JsonObject answer = api.post(PATH).header("auth", admin).json(body).send().expect(200).json();
        assertEquals(List.of("failedUserDetails"), List.copyOf(answer.keySet()));
        Map<String, String> failures = answer.getJsonArray("failedUserDetails").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getJsonObject("userInfo")).collect(Collectors.toMap(
                        i -> i.isNull("emailId") ? "(none)" : i.getString("emailId"),
                        i -> i.getJsonObject("reason").getJsonArray("errors").getJsonObject(0).getString("msg")));
        assertEquals("INVALID_EMAIL", failures.get("deskkore1"));
        assertEquals("EMAIL_ID_REQUIRED", failures.get("(none)"));
        assertEquals("DUPLICATE_EMAIL_IN_REQUEST", failures.get("OK1@example.com"));
        assertEquals("INVALID_GROUP", failures.get("g@example.com"));
        assertEquals("INVALID_ROLE", failures.get("r@example.com"));
        assertEquals(USER_EXISTS, failures.get("taken@example.com"));
        assertTrue(failures.get("c@example.com").startsWith("userInfo.country: "), failures.get("c@example.com"));
        assertTrue(failures.get("f@example.com").startsWith("userInfo.fax: "), failures.get("f@example.com"));
        assertEquals(8, failures.size());

        JsonObject first = answer.getJsonArray("failedUserDetails").getJsonObject(0);
        assertEquals(Json.createReader(new java.io.StringReader("{\"userInfo\": {\"emailId\": \"deskkore1\", "
                + "\"firstName\": \"user1\", \"status\": \"failure\", \"reason\": {\"errors\": [{\"msg\": "
                + "\"INVALID_EMAIL\", \"code\": 400}]}}}")).readObject(), first, "seed 002's failure, exactly");
        assertEquals(409, answer.getJsonArray("failedUserDetails").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getJsonObject("userInfo")).filter(i -> "taken@example.com".equals(i.getString("emailId",
                        null))).findFirst().orElseThrow().getJsonObject("reason").getJsonArray("errors")
                .getJsonObject(0).getInt("code"));

        List<String> listed = api.get("/api/v1/provisioning/users?size=50").as(admin).send().expect(200).usernames();
        assertTrue(listed.contains("ok2@example.com"), listed.toString());
        for (String refused : List.of("g@example.com", "r@example.com", "c@example.com", "deskkore1")) {
            api.get("/api/v1/provisioning/users/" + refused).as(admin).send().expect(404);
        }
        api.get("/api/v1/provisioning/users/ok1@example.com").as(admin).send().expect(200);
        assertEquals(1, api.get("/api/v1/provisioning/groups/" + group).as(admin).send().expect(200).json()
                .getInt("memberCount"));
    }

    @Test
    void aFailureInTheMiddleOfAChunkLeavesTheOthersOfItsChunkCreated() {
        String users = IntStream.range(0, 250).mapToObj(i -> "{\"userInfo\": {\"emailId\": \"u" + i
                + "@example.com\"}, \"groups\": [\"" + group + "\"], \"sendEmail\": false}").collect(Collectors.joining(","));
        api.post(PATH).header("auth", admin).json("{\"users\": [{\"userInfo\": {\"emailId\": \"u7@example.com\"}, "
                + "\"sendEmail\": false}]}").send().expect(200);
        JsonObject answer = api.post(PATH).header("auth", admin).json("{\"users\": [" + users + "]}").send()
                .expect(200).json();
        assertEquals(1, answer.getJsonArray("failedUserDetails").size());
        assertEquals(249, api.get("/api/v1/provisioning/groups/" + group).as(admin).send().expect(200).json()
                .getInt("memberCount"), "249 new members and no count for the refused one");

    }

    @Test
    void callsRacingForTheSameUsersCreateEachOnceAndReportItTakenToTheOthers() throws Exception {
        String users = IntStream.range(0, 200).mapToObj(i -> "{\"userInfo\": {\"emailId\": \"r" + i
                + "@example.com\"}, \"groups\": [\"" + group + "\"], \"sendEmail\": false}")
                .collect(Collectors.joining(","));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<JsonObject> answers = new ArrayList<>();
        try {
            List<Callable<JsonObject>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // each chunk's rows go in one batch: a lost race fails the whole batch
                calls.add(() -> api.post(PATH).header("auth", admin).json("{\"users\": [" + users + "]}").send()
                        .expect(200).json());
            }
            for (Future<JsonObject> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        List<JsonObject> refused = answers.stream().filter(a -> a.containsKey("failedUserDetails"))
                .flatMap(a -> a.getJsonArray("failedUserDetails").getValuesAs(JsonObject.class).stream())
                .map(f -> f.getJsonObject("userInfo")).toList();
        for (JsonObject info : refused) {
            assertEquals(USER_EXISTS, info.getJsonObject("reason").getJsonArray("errors").getJsonObject(0)
                    .getString("msg"), info.toString());
        }
        Map<String, Long> refusals = refused.stream()
                .collect(Collectors.groupingBy(info -> info.getString("emailId"), Collectors.counting()));
        assertEquals(200, refusals.size(), "every user was taken by one call: " + answers);
        assertTrue(refusals.values().stream().allMatch(n -> n == 3), "and refused to the three others: " + refusals);
        assertEquals(200, api.get("/api/v1/provisioning/groups/" + group).as(admin).send().expect(200).json()
                .getInt("memberCount"), "each user joined the group once");
    }

    @Test
    void aThousandUsersInOneCallAreAuditedInThePresentAndCountedAtOnce() {
        String users = IntStream.range(0, 1000).mapToObj(i -> "{\"userInfo\": {\"emailId\": \"b" + i
                + "@example.com\"}, \"groups\": [\"" + group + "\"], \"roles\": [{\"roleId\": \"" + role
                + "\", \"botId\": \"st-1\"}], \"sendEmail\": false}").collect(Collectors.joining(","));
        assertEquals(SUCCESS, api.post(PATH).header("auth", admin).json("{\"users\": [" + users + "]}").send()
                .expect(200).body());
        Instant answered = Instant.now();
        JsonObject newest = api.get("/api/v1/provisioning/events?size=1").as(admin).send().expect(200).json();
        assertTrue(newest.getInt("totalElements") >= 3000, newest.toString());
        Instant stamped = Instant.parse(newest.getJsonArray("content").getJsonObject(0).getString("occurredAt"));
        assertTrue(stamped.isBefore(answered.plusSeconds(1)), "3,000 events are stamped " + stamped
                + ", in the present, not seconds ahead of the answer at " + answered);
        int listed = 0;
        for (int page = 0; ; page++) {
            int events = api.get("/api/v1/provisioning/events?size=200&page=" + page).as(admin).send().expect(200)
                    .content().size();
            listed += events;
            if (events == 0) {
                break;
            }
        }
        assertEquals(listed, newest.getInt("totalElements"), "the burst is counted at once");
        assertEquals(1000, api.get("/api/v1/provisioning/groups/" + group).as(admin).send().expect(200).json()
                .getInt("memberCount"));
    }

    @Test
    void aRequestThatCannotBeReadIsRefusedInKoresErrorShape() {
        for (String body : List.of("{\"users\": ", "[]", "{\"users\": []}", "{\"people\": []}", "{\"users\": {}}",
                "{\"users\": [{}], \"users\": [{}]}")) {
            JsonObject refused = api.post(PATH).header("auth", admin).json(body).send().expect(400).json();
            assertEquals(400, refused.getJsonArray("errors").getJsonObject(0).getInt("code"), body);
            assertTrue(refused.containsKey("requestId"), body);
        }
        String tooMany = "{\"users\": [" + IntStream.range(0, 10_001).mapToObj(i -> "{}")
                .collect(Collectors.joining(",")) + "]}";
        api.post(PATH).header("auth", admin).json(tooMany).send().expect(400);
        String tooLarge = "{\"users\": [{\"userInfo\": {\"emailId\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}}]}";
        api.post(PATH).header("auth", admin).json(tooLarge).send().expect(413);
    }

    @Test
    void theTokenDecidesTheTenantAndTheRoleAndTheServiceIsTheTenantsChoice() {
        JsonObject missing = api.post(PATH).json("{\"users\": [{\"userInfo\": {\"emailId\": \"a@example.com\"}}]}")
                .send().expect(401).json();
        assertEquals(401, missing.getJsonArray("errors").getJsonObject(0).getInt("code"));
        api.post(PATH).header("auth", "not-a-jwt").json("{\"users\": []}").send().expect(401);
        String user = api.member(tenant, "plain", "USER", null);
        api.post(PATH).header("auth", user).json("{\"users\": [{\"userInfo\": {\"emailId\": \"a@example.com\"}}]}")
                .send().expect(403);

        String other = api.newTenant();
        String stranger = api.member(other, "boss", "ADMINISTRATOR", null);
        JsonObject off = api.post(PATH).header("auth", stranger).json("{\"users\": [{\"userInfo\": {\"emailId\": "
                + "\"a@example.com\"}}]}").send().expect(403).json();
        assertTrue(off.getJsonArray("errors").getJsonObject(0).getString("msg").contains("kore"), off.toString());
        api.put("/api/v1/tenants/" + other + "/services/kore").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        JsonObject foreignGroup = api.post(PATH).header("auth", stranger).json("{\"users\": [{\"userInfo\": "
                + "{\"emailId\": \"a@example.com\"}, \"groups\": [\"" + group + "\"], \"sendEmail\": false}]}").send()
                .expect(200).json();
        assertEquals("INVALID_GROUP", foreignGroup.getJsonArray("failedUserDetails").getJsonObject(0)
                .getJsonObject("userInfo").getJsonObject("reason").getJsonArray("errors").getJsonObject(0)
                .getString("msg"), "another tenant's group is no group of this one");
        assertEquals(SUCCESS, api.post(PATH).header("auth", stranger).json("{\"users\": [{\"userInfo\": "
                + "{\"emailId\": \"a@example.com\"}, \"sendEmail\": false}]}").send().expect(200).body());
        api.get("/api/v1/provisioning/users/a@example.com").as(admin).send().expect(404);
    }
}
