package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header) on the writes of the native API, bulk jobs, and
 * the Kore.ai and Aisera paths: a retry with the same key and body gets the first answer again and changes nothing; a
 * retry while the first runs is a 409; the key with another body a 422; keys belong to their caller in its tenant.
 */
class IdempotencyIT extends RosterIT {

    static final String KEY = "Idempotency-Key";
    static final String USERS = "/api/v1/provisioning/users";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithServices() {
        tenant = api.newTenant();
        for (String service : List.of("bulk", "kore", "aisera")) {
            api.put("/api/v1/tenants/" + tenant + "/services/" + service).as(api.operator())
                    .json("{\"enabled\": true}").send().expect(200);
        }
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
    }

    @Test
    void aRetriedPutGetsTheFirstAnswerAndDoesNotApplyAgain() {
        String body = "{\"email\": \"ann@example.com\", \"firstName\": \"Ann\"}";
        Api.Answer first = api.put(USERS + "/ann").as(admin).header(KEY, "put-ann-1").json(body).send().expect(201);
        assertNull(first.header("Idempotent-Replayed"));
        api.put(USERS + "/ann").as(admin).json("{\"firstName\": \"Annie\"}").send().expect(200);

        Api.Answer retry = api.put(USERS + "/ann").as(admin).header(KEY, "put-ann-1").json(body).send().expect(201);
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.body(), retry.body(), "the same answer, byte for byte");
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertTrue(retry.header("Content-Type").startsWith("application/json"));
        assertEquals("Annie", api.get(USERS + "/ann").as(admin).send().expect(200).json().getString("firstName"),
                "the retry did not apply the body again over the later change");
    }

    @Test
    void aRetriedPostCreatesNothingTwice() {
        String body = "{\"displayName\": \"Night shift\"}";
        String id = api.post("/api/v1/provisioning/groups").as(admin).header(KEY, "\"group-1\"").json(body).send()
                .expect(201).json().getString("id");
        for (int i = 0; i < 3; i++) {
            assertEquals(id, api.post("/api/v1/provisioning/groups").as(admin).header(KEY, "\"group-1\"").json(body)
                    .send().expect(201).json().getString("id"));
        }
        assertEquals(1, api.get("/api/v1/provisioning/groups").as(admin).send().expect(200).json()
                .getInt("totalElements"));
        assertEquals(409, api.post("/api/v1/provisioning/groups").as(admin).json(body).send().status(),
                "without the key the same request runs again, and the name is taken");
    }

    @Test
    void aRetriedDeleteAnswersAsTheFirstDid() {
        api.member(tenant, "joe", "USER", null);
        String privilege = Api.array(api.get(USERS + "/joe/privileges").as(admin).send().expect(200).body())
                .getJsonObject(0).getString("id");
        api.delete("/api/v1/provisioning/privileges/" + privilege).as(admin).header(KEY, "revoke-1").send()
                .expect(204);
        Api.Answer retry = api.delete("/api/v1/provisioning/privileges/" + privilege).as(admin)
                .header(KEY, "revoke-1").send().expect(204);
        assertEquals("true", retry.header("Idempotent-Replayed"));
        api.delete("/api/v1/provisioning/privileges/" + privilege).as(admin).send().expect(404);
    }

    @Test
    void aRetriedBulkJobIsTheSameJob() {
        String body = "{\"operations\": [{\"op\": \"create\", \"user\": {\"username\": \"ann\", \"email\": "
                + "\"ann@example.com\"}}]}";
        Api.Answer first = api.post("/api/v1/provisioning/bulk").as(admin).header(KEY, "job-1").json(body).send()
                .expect(202);
        Api.Answer retry = api.post("/api/v1/provisioning/bulk").as(admin).header(KEY, "job-1").json(body).send()
                .expect(202);
        assertEquals(first.json().getString("id"), retry.json().getString("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, api.get("/api/v1/provisioning/jobs").as(admin).send().expect(200).json()
                .getInt("totalElements"));
    }

    @Test
    void theKoreAndAiseraPathsReplayTheirOwnAnswers() {
        String users = "{\"users\": [{\"userInfo\": {\"emailId\": \"kim@example.com\"}, \"sendEmail\": false}]}";
        String first = api.post("/api/public/users").header("auth", admin).header(KEY, "kore-1").json(users).send()
                .expect(200).body();
        Api.Answer retry = api.post("/api/public/users").header("auth", admin).header(KEY, "kore-1").json(users)
                .send().expect(200);
        assertEquals(first, retry.body());
        assertEquals("{\"msg\":\"Users are created Successfully\"}", retry.body(), "not USER_ALREADY_EXISTS");
        JsonObject reused = api.post("/api/public/users").header("auth", admin).header(KEY, "kore-1")
                .json(users.replace("kim@", "lee@")).send().expect(422).json();
        assertTrue(reused.containsKey("errors"), "a Kore.ai path answers in Kore.ai's error shape: " + reused);

        String appToken = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\": \"Aisera\"}").send()
                .expect(201).json().getString("apiToken");
        String provision = "{\"username\": \"pat\", \"email\": \"pat@example.com\", \"role\": \"User\"}";
        String provisioned = api.post("/scim/provision-user").as(admin).header("x-app-token", appToken)
                .header(KEY, "aisera-1").json(provision).send().expect(201).body();
        assertEquals(provisioned, api.post("/scim/provision-user").as(admin).header("x-app-token", appToken)
                .header(KEY, "aisera-1").json(provision).send().expect(201).body());
        JsonObject aiseraReused = api.post("/scim/provision-user").as(admin).header("x-app-token", appToken)
                .header(KEY, "aisera-1").json(provision.replace("pat", "sam")).send().expect(422).json();
        assertEquals(422, aiseraReused.getInt("status"));
        assertTrue(aiseraReused.getString("message").contains("aisera-1"), aiseraReused.toString());
    }

    @Test
    void theSameKeyForAnotherRequestIsA422AndChangesNothing() {
        api.put(USERS + "/ann").as(admin).header(KEY, "k").json("{\"email\": \"ann@example.com\"}").send().expect(201);
        JsonObject problem = api.put(USERS + "/ann").as(admin).header(KEY, "k")
                .json("{\"email\": \"other@example.com\"}").send().expect(422).json();
        assertTrue(problem.getString("detail").contains("was used for another request"), problem.toString());
        api.put(USERS + "/bob").as(admin).header(KEY, "k").json("{\"email\": \"ann@example.com\"}").send()
                .expect(422); // another path
        api.delete(USERS + "/ann").as(admin).header(KEY, "k").send().expect(422); // another method
        assertEquals("ann@example.com", api.get(USERS + "/ann").as(admin).send().expect(200).json()
                .getString("email"));
        api.get(USERS + "/bob").as(admin).send().expect(404);
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsA409() {
        String users = "{\"users\": [" + IntStream.range(0, 3000).mapToObj(i -> "{\"userInfo\": {\"emailId\": "
                + "\"u" + i + "@example.com\"}, \"sendEmail\": false}").collect(Collectors.joining(",")) + "]}";
        CompletableFuture<Api.Answer> first = CompletableFuture.supplyAsync(() -> api.post("/api/public/users")
                .header("auth", admin).header(KEY, "slow-1").json(users).send());
        Poll.until(Duration.ofSeconds(60), "the first request has begun creating users", () -> api.get(USERS
                + "/u0@example.com").as(admin).send().status() == 200 || first.isDone());
        boolean[] refused = {false};
        Poll.until(Duration.ofSeconds(60), "a retry answered 409 while the first request ran", () -> {
            Api.Answer retry = api.post("/api/public/users").header("auth", admin).header(KEY, "slow-1").json(users)
                    .send();
            if (retry.status() == 409) {
                refused[0] = !first.isDone();
                assertTrue(retry.body().contains("still being processed"), retry.body());
            }
            return retry.status() == 409 || first.isDone();
        });
        assertTrue(refused[0], "the retry came while the first request was running");
        Api.Answer answered = first.join().expect(200);
        assertEquals(answered.body(), api.post("/api/public/users").header("auth", admin).header(KEY, "slow-1")
                .json(users).send().expect(200).body(), "once it has ended, the retry gets its answer");
    }

    @Test
    void keysBelongToTheirCallerInItsTenantAndBadKeysAreRefused() {
        String other = api.member(tenant, "ada", "ADMINISTRATOR", null);
        String mine = api.post("/api/v1/provisioning/groups").as(admin).header(KEY, "shared")
                .json("{\"displayName\": \"A\"}").send().expect(201).json().getString("id");
        String theirs = api.post("/api/v1/provisioning/groups").as(other).header(KEY, "shared")
                .json("{\"displayName\": \"B\"}").send().expect(201).json().getString("id");
        assertNotEquals(mine, theirs, "another caller's key of the same name is its own");
        String elsewhere = api.newTenant();
        String stranger = api.member(elsewhere, "boss", "ADMINISTRATOR", null);
        api.post("/api/v1/provisioning/groups").as(stranger).header(KEY, "shared").json("{\"displayName\": \"A\"}")
                .send().expect(201);

        api.post("/api/v1/provisioning/groups").as(admin).header(KEY, "x".repeat(256))
                .json("{\"displayName\": \"C\"}").send().expect(400);
        api.post("/api/v1/provisioning/groups").as(admin).header(KEY, "").json("{\"displayName\": \"C\"}").send()
                .expect(400);
        api.get("/api/v1/provisioning/groups").as(admin).header(KEY, "reads-ignore-it").send().expect(200);
        api.post("/api/v1/provisioning/groups").header(KEY, "no-credential").json("{\"displayName\": \"D\"}").send()
                .expect(401);
        assertFalse(api.get("/api/v1/provisioning/groups").as(admin).send().expect(200).body().contains("\"C\""));
    }

    @Test
    void racingCreatesWithKeysMakeOneUserAndNeverFailWithA5xx() {
        List<CompletableFuture<Api.Answer>> racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture
                .supplyAsync(() -> api.put(USERS + "/raced").as(admin).header(KEY, "race-" + i)
                        .json("{\"email\": \"raced@example.com\", \"tenantUserPrivileges\": [{\"role\": \"USER\"}]}")
                        .send())).toList();
        List<Integer> statuses = racing.stream().map(f -> f.join().status()).sorted().toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one request created the user: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses.toString());
        assertEquals(1, api.get(USERS + "?q=raced").as(admin).send().expect(200).json().getInt("totalElements"));
    }

    @Test
    void aRefusalIsReplayedToo() {
        Api.Answer first = api.put(USERS + "/ann").as(admin).header(KEY, "bad-1").json("{\"email\": \"nope\"}")
                .send().expect(400);
        Api.Answer retry = api.put(USERS + "/ann").as(admin).header(KEY, "bad-1").json("{\"email\": \"nope\"}")
                .send().expect(400);
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.body(), retry.body());
        assertTrue(retry.header("Content-Type").startsWith("application/problem+json"));
    }
}
