package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk jobs as an HR system uses them: a job of 10,000 mixed operations with exact per-item results, a CSV with bad
 * rows, cancelling, and who may see and do what. The job and its items are stored before the 202; the items are
 * applied in the background with the same rules as single requests.
 */
class JobsIT extends RosterIT {

    static final String BULK = "/api/v1/provisioning/bulk";
    static final String JOBS = "/api/v1/provisioning/jobs";
    static final String USERS = "/api/v1/provisioning/users";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithBulkOn() {
        tenant = api.newTenant();
        api.put("/api/v1/tenants/" + tenant + "/services/bulk").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
    }

    @Test
    void aJobOfTenThousandMixedOperationsReportsEveryItemExactly() {
        String group = api.post("/api/v1/provisioning/groups").as(admin).json("{\"displayName\": \"Staff\"}").send()
                .expect(201).json().getString("id");
        JsonArrayBuilder operations = Json.createArrayBuilder();
        Set<Integer> failing = new TreeSet<>();
        int creates = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 10 == 3) {
                operations.add(create("m" + i, "not-an-address"));
                failing.add(i);
            } else if (i % 10 == 7) {
                operations.add(Json.createObjectBuilder().add("op", "deprovision").add("username", "ghost" + i));
                failing.add(i);
            } else if (i % 100 == 50) {
                operations.add(create("m" + (i - 50), "again" + i + "@example.com")); // taken 50 items before
                failing.add(i);
            } else if (i % 10 == 9) {
                operations.add(Json.createObjectBuilder().add("op", "grant").add("username", "m" + (i - 1))
                        .add("privilege", Json.createObjectBuilder().add("role", "TEAM_LEADER")));
            } else if (i % 10 == 5) {
                operations.add(Json.createObjectBuilder().add("op", "addGroupMember").add("group", group)
                        .add("username", "m" + (i - 1)));
            } else {
                operations.add(create("m" + i, "m" + i + "@example.com"));
                creates++;
            }
        }
        Api.Answer accepted = api.post(BULK).as(admin).json(Json.createObjectBuilder().add("operations", operations)
                .build()).send().expect(202);
        JsonObject job = accepted.json();
        assertEquals("queued", job.getString("status"));
        assertEquals(10_000, job.getJsonObject("counts").getInt("total"), "every item is stored before the 202");
        assertTrue(accepted.header("Location").endsWith(JOBS + "/" + job.getString("id")));
        assertEquals("2", accepted.header("Retry-After"));

        JsonObject done = awaitEnd(job.getString("id"), Duration.ofMinutes(3));
        assertEquals("succeeded", done.getString("status"));
        JsonObject counts = done.getJsonObject("counts");
        assertEquals(10_000, counts.getInt("processed"));
        assertEquals(failing.size(), counts.getInt("failed"));
        assertEquals(10_000 - failing.size(), counts.getInt("succeeded"));
        assertNotNull(done.getString("startedAt"));
        assertNotNull(done.getString("finishedAt"));
        assertTrue(done.getJsonNumber("rate").doubleValue() > 0);

        List<JsonObject> failures = allResults(job.getString("id"), "failed");
        assertEquals(failing, failures.stream().map(r -> r.getInt("index")).collect(Collectors.toCollection(
                TreeSet::new)), "exactly the failing items are listed as failed, in item order");
        JsonObject badAddress = failures.get(0);
        assertEquals(3, badAddress.getInt("index"));
        assertEquals("m3", badAddress.getString("key"));
        assertEquals("create", badAddress.getString("op"));
        assertEquals(400, badAddress.getInt("status"));
        assertEquals(400, badAddress.getJsonObject("error").getInt("status"), "the error is a problem document");
        assertEquals("email", badAddress.getJsonObject("error").getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        JsonObject ghost = failures.get(1);
        assertEquals(7, ghost.getInt("index"));
        assertEquals(404, ghost.getInt("status"));
        JsonObject taken = failures.stream().filter(r -> r.getInt("index") == 50).findFirst().orElseThrow();
        assertEquals(409, taken.getInt("status"));

        JsonObject firstPage = api.get(JOBS + "/" + job.getString("id") + "/results?size=3").as(admin).send()
                .expect(200).json();
        assertEquals(10_000, firstPage.getInt("totalElements"));
        List<JsonObject> three = firstPage.getJsonArray("content").getValuesAs(JsonObject.class);
        assertEquals(List.of(0, 1, 2), three.stream().map(r -> r.getInt("index")).toList());
        assertEquals("succeeded", three.get(0).getString("outcome"));
        assertEquals(201, three.get(0).getInt("status"));
        String created = three.get(0).getString("id");
        assertEquals(created, api.get(USERS + "/m0").as(admin).send().expect(200).json().getString("id"),
                "a create's result names the user it created");
        JsonObject succeededPage = api.get(JOBS + "/" + job.getString("id") + "/results?status=succeeded&page=2"
                + "&size=5").as(admin).send().expect(200).json();
        assertEquals(10_000 - failing.size(), succeededPage.getInt("totalElements"));

        JsonObject m8 = api.get(USERS + "/m8").as(admin).send().expect(200).json();
        assertEquals(Set.of("USER", "TEAM_LEADER"), m8.getJsonArray("tenantUserPrivileges")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("role")).collect(Collectors.toSet()));
        assertEquals(group, api.get(USERS + "/m4").as(admin).send().expect(200).json().getJsonArray("groups")
                .getJsonObject(0).getString("id"));
        api.get(USERS + "/m3").as(admin).send().expect(404);
        assertEquals("m0@example.com", api.get(USERS + "/m0").as(admin).send().expect(200).json()
                .getString("email"), "the repeated username did not change the first user");
        assertEquals(creates + 1, api.get(USERS + "?size=1").as(admin).send().expect(200).json()
                .getInt("totalElements"), "the active list counts each user created, and the administrator");
        assertEquals(1000, api.get("/api/v1/provisioning/groups/" + group).as(admin).send().expect(200).json()
                .getInt("memberCount"));
    }

    @Test
    void aCsvCreatesItsGoodRowsAndReportsEachBadRow() {
        String csv = "username,email,firstName,lastName,roles,groups,invite\r\n"
                + "carl,carl@example.com,Carl,Berg,USER;TEAM_LEADER,,false\r\n"
                + "dora,dora@example.com,\"Dora, \"\"the explorer\"\"\",Lind,USER,,\r\n"
                + "eve,eve@example.com\r\n"
                + "fay,not-an-address,Fay,Ek,USER,,\r\n"
                + "gus,gus@example.com,Gus,Holm,NO_SUCH_ROLE,,\r\n"
                + "hal,hal@example.com,Hal,Ivar,USER,,maybe\r\n";
        Api.Answer accepted = api.post(BULK).as(admin).body("text/csv", csv).send().expect(202);
        assertEquals("csv", accepted.json().getString("format"));
        JsonObject done = awaitEnd(accepted.json().getString("id"), Duration.ofMinutes(1));
        assertEquals(6, done.getJsonObject("counts").getInt("total"));
        assertEquals(2, done.getJsonObject("counts").getInt("succeeded"));
        List<JsonObject> failures = allResults(accepted.json().getString("id"), "failed");
        assertEquals(List.of("eve", "fay", "gus", "hal"), failures.stream().map(r -> r.getString("key")).toList());
        assertEquals("row 3: has 2 cells; the header names 7 columns", failures.get(0).getJsonObject("error")
                .getString("detail"));
        assertEquals("email", failures.get(1).getJsonObject("error").getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        assertTrue(failures.get(2).getJsonObject("error").getString("detail").contains("NO_SUCH_ROLE"));
        assertEquals("row 6: invite must be true or false", failures.get(3).getJsonObject("error")
                .getString("detail"));

        JsonObject dora = api.get(USERS + "/dora").as(admin).send().expect(200).json();
        assertEquals("Dora, \"the explorer\"", dora.getString("firstName"), "quoted cells as RFC 4180 reads them");
        JsonObject carl = api.get(USERS + "/carl").as(admin).send().expect(200).json();
        assertEquals(2, carl.getJsonArray("tenantUserPrivileges").size());
        api.get(USERS + "/fay").as(admin).send().expect(404);

        String unknownColumn = api.post(BULK).as(admin).body("text/csv", "username,shoeSize\nann,42\n").send()
                .expect(400).json().getString("detail");
        assertTrue(unknownColumn.startsWith("header: 'shoeSize' is not a column; the columns are username, email"),
                unknownColumn);
        api.post(BULK).as(admin).body("text/csv", "email\nann@example.com\n").send().expect(400);
        api.post(BULK).as(admin).body("text/csv", "username,email\n").send().expect(400);
        assertEquals(1, api.get(JOBS).as(admin).send().expect(200).json().getInt("totalElements"),
                "a refused file makes no job");
    }

    @Test
    void aBodyThatIsNotAListOfOperationsIsRefusedWholeAndMakesNoJob() {
        api.post(BULK).as(admin).json("{\"operations\": []}").send().expect(400);
        api.post(BULK).as(admin).json("{\"operations\": [").send().expect(400);
        api.post(BULK).as(admin).json("[{\"op\": \"deprovision\", \"username\": \"x\"}]").send().expect(400);
        api.post(BULK).as(admin).json("{\"ops\": []}").send().expect(400);
        api.post(BULK).as(admin).body("text/plain", "hello").send().expect(415);
        String tooMany = "{\"operations\": [" + String.join(",", java.util.Collections.nCopies(100_001, "{}")) + "]}";
        assertEquals("operations: must be an array of 1 to 100000 items", api.post(BULK).as(admin).json(tooMany)
                .send().expect(400).json().getString("detail"));
        assertEquals(0, api.get(JOBS).as(admin).send().expect(200).json().getInt("totalElements"));
    }

    @Test
    void aCancelledJobStartsNoFurtherChunkAndKeepsWhatItApplied() {
        JsonArrayBuilder operations = Json.createArrayBuilder();
        for (int i = 0; i < 20_000; i++) {
            operations.add(create("c" + i, "c" + i + "@example.com"));
        }
        String id = api.post(BULK).as(admin).json(Json.createObjectBuilder().add("operations", operations).build())
                .send().expect(202).json().getString("id");
        JsonObject cancelled = api.delete(JOBS + "/" + id).as(admin).send().expect(200).json();
        assertEquals("cancelled", cancelled.getString("status"));
        assertNotNull(cancelled.getString("finishedAt"));
        int[] last = {-1};
        Poll.until(Duration.ofSeconds(60), "the chunk being applied when the job was cancelled is done", () -> {
            int processed = api.get(JOBS + "/" + id).as(admin).send().expect(200).json().getJsonObject("counts")
                    .getInt("processed");
            boolean settled = processed == last[0] && processed % 500 == 0;
            last[0] = processed;
            try {
                Thread.sleep(1000); // two reads a second apart agree: nothing is applied any more
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return settled;
        });
        JsonObject job = api.get(JOBS + "/" + id).as(admin).send().expect(200).json();
        assertEquals("cancelled", job.getString("status"));
        int processed = job.getJsonObject("counts").getInt("processed");
        assertTrue(processed < 20_000, "cancelled long before its end: " + processed);
        assertEquals(processed + 1, api.get(USERS + "?size=1").as(admin).send().expect(200).json()
                .getInt("totalElements"), "the users created are exactly the items applied");
        assertEquals("cancelled", api.delete(JOBS + "/" + id).as(admin).send().expect(200).json()
                .getString("status"), "cancelling again changes nothing");
    }

    @Test
    void aJobStopsWhenItsSubmitterNoLongerHoldsAdministrator() {
        JsonArrayBuilder operations = Json.createArrayBuilder();
        for (int i = 0; i < 20_000; i++) {
            operations.add(create("s" + i, "s" + i + "@example.com"));
        }
        String id = api.post(BULK).as(admin).json(Json.createObjectBuilder().add("operations", operations).build())
                .send().expect(202).json().getString("id");
        api.put(USERS + "/boss/privilege").as(api.operator()).tenant(tenant).json("{\"role\": \"USER\"}").send()
                .expect(200);
        JsonObject job = awaitEnd(id, Duration.ofSeconds(60), api.operator());
        assertEquals("failed", job.getString("status"));
        assertEquals("the submitter no longer holds ADMINISTRATOR in the tenant", job.getString("error"));
        int processed = job.getJsonObject("counts").getInt("processed");
        assertTrue(processed < 20_000, "no chunk was applied after the role was taken: " + processed);
        assertEquals(processed + 1, api.get(USERS + "?size=1").as(api.operator()).tenant(tenant).send().expect(200)
                .json().getInt("totalElements"));
    }

    @Test
    void jobsBelongToTheirTenantAndToAdministrators() {
        String id = api.post(BULK).as(admin).json("{\"operations\": [{\"op\": \"create\", \"user\": {\"username\": "
                + "\"ann\", \"email\": \"ann@example.com\"}}]}").send().expect(202).json().getString("id");
        awaitEnd(id, Duration.ofSeconds(30));
        String auditor = api.member(tenant, "eye", "INTERNAL_AUDITING", null);
        api.get(JOBS + "/" + id).as(auditor).send().expect(200);
        api.get(JOBS + "/" + id + "/results").as(auditor).send().expect(200);
        api.delete(JOBS + "/" + id).as(auditor).send().expect(403);
        api.post(BULK).as(auditor).json("{\"operations\": [{\"op\": \"deprovision\", \"username\": \"ann\"}]}")
                .send().expect(403);
        String user = api.member(tenant, "joe", "USER", null);
        api.get(JOBS).as(user).send().expect(403);

        String other = api.newTenant();
        api.put("/api/v1/tenants/" + other + "/services/bulk").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        String stranger = api.member(other, "boss", "ADMINISTRATOR", null);
        api.get(JOBS + "/" + id).as(stranger).send().expect(404);
        api.get(JOBS + "/" + id + "/results").as(stranger).send().expect(404);
        api.delete(JOBS + "/" + id).as(stranger).send().expect(404);
        assertEquals(0, api.get(JOBS).as(stranger).send().expect(200).json().getInt("totalElements"));
        api.get(JOBS + "/" + id).as(admin).tenant(other).send().expect(403);
        api.get(JOBS + "/" + id + "/results?status=maybe").as(admin).send().expect(400);

        String off = api.newTenant();
        String offAdmin = api.member(off, "boss", "ADMINISTRATOR", null);
        assertEquals(403, api.post(BULK).as(offAdmin).json("{\"operations\": [{}]}").send().status(),
                "the bulk service is off until the operator switches it on");
    }

    @Test
    void theJobAndEachItemAreAuditedAsTheSubmitterWithTheSubmittingRequestsId() {
        Api.Answer accepted = api.post(BULK).as(admin).header("X-Request-Id", "hr-sync-42").json("{\"operations\": "
                + "[{\"op\": \"create\", \"user\": {\"username\": \"ann\", \"email\": \"ann@example.com\"}}]}").send()
                .expect(202);
        awaitEnd(accepted.json().getString("id"), Duration.ofSeconds(30));
        JsonObject event = api.get("/api/v1/provisioning/events?size=200").as(admin).send().expect(200).content()
                .stream().filter(e -> e.getString("action").equals("user.created") && e.getString("target")
                        .equals("ann")).findFirst().orElseThrow();
        assertEquals("boss", event.getString("actor"));
        assertEquals("hr-sync-42", event.getString("requestId"));
        JsonObject submitted = api.get("/api/v1/provisioning/events?size=200").as(admin).send().expect(200).content()
                .stream().filter(e -> e.getString("action").equals("job.submitted")).findFirst().orElseThrow();
        assertEquals(accepted.json().getString("id"), submitted.getString("targetId"));
        assertEquals("hr-sync-42", submitted.getString("requestId"));
    }

    private static JsonObject create(String username, String email) {
        return Json.createObjectBuilder().add("op", "create").add("user", Json.createObjectBuilder()
                .add("username", username).add("email", email).add("tenantUserPrivileges", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "USER")))).build();
    }

    /** Polls the job until it ends, and answers it. */
    JsonObject awaitEnd(String id, Duration deadline) {
        return awaitEnd(id, deadline, admin);
    }

    JsonObject awaitEnd(String id, Duration deadline, String reader) {
        JsonObject[] job = new JsonObject[1];
        Poll.until(deadline, "job " + id + " ended", () -> {
            job[0] = api.get(JOBS + "/" + id).as(reader).tenant(tenant).send().expect(200).json();
            return !Set.of("queued", "running").contains(job[0].getString("status"));
        });
        return job[0];
    }

    private List<JsonObject> allResults(String id, String status) {
        List<JsonObject> results = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JsonObject> slice = api.get(JOBS + "/" + id + "/results?status=" + status + "&size=200&page=" + page)
                    .as(admin).send().expect(200).content();
            results.addAll(slice);
            if (slice.size() < 200) {
                return results;
            }
        }
    }
}
