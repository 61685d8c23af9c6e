package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk job survives {@code kill -9}: the restarted Roster resumes it from its first unfinished chunk (once the
 * dead process's lease on the chunk it was applying runs out), and no item is applied twice: a create applied twice
 * would fail the second time as a taken username, so every item succeeding once is the proof.
 *
 * <p>It owns its Roster process, since it kills it; the lease is 2 s so the resumption comes quickly.
 */
class JobResumeIT {

    static final String PASSWORD = "resume-operator-1";
    static final int ITEMS = 10_000;

    @TempDir
    Path work;

    @Test
    void aJobCutOffByKillNineResumesAndAppliesEveryItemExactlyOnce() throws Exception {
        Path data = work.resolve("data");
        Map<String, String> settings = Map.of("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD, "ROSTER_JOBS_LEASE", "PT2S");
        String job;
        int before;
        try (RosterProcess roster = RosterProcess.start(work, data, settings)) {
            Api api = new Api(roster.url());
            String operator = api.token("admin", PASSWORD, null);
            api.post("/api/v1/tenants").as(operator).json("{\"label\":\"resume\",\"name\":\"Resume\"}").send()
                    .expect(201);
            api.put("/api/v1/tenants/resume/services/bulk").as(operator).json("{\"enabled\": true}").send()
                    .expect(200);
            String operations = IntStream.range(0, ITEMS).mapToObj(i -> "{\"op\": \"create\", \"user\": {\"username\": "
                    + "\"r" + i + "\", \"email\": \"r" + i + "@resume.example\", \"tenantUserPrivileges\": [{\"role\": "
                    + "\"USER\"}]}}").collect(Collectors.joining(",", "{\"operations\": [", "]}"));
            job = api.post("/api/v1/provisioning/bulk").as(operator).tenant("resume").json(operations).send()
                    .expect(202).json().getString("id");
            int[] processed = {0};
            Poll.until(Duration.ofSeconds(120), "the job is under way", () -> {
                processed[0] = progress(api, operator, job).getJsonObject("counts").getInt("processed");
                return processed[0] >= 1500;
            });
            roster.kill();
            before = processed[0];
        }
        assertTrue(before < ITEMS, "killed before the job ended: " + before);

        try (RosterProcess restarted = RosterProcess.start(work, data, settings)) {
            Api api = new Api(restarted.url());
            String operator = api.token("admin", PASSWORD, null);
            JsonObject[] ended = new JsonObject[1];
            Poll.until(Duration.ofSeconds(300), "the resumed job ended", () -> {
                ended[0] = progress(api, operator, job);
                return !Set.of("queued", "running").contains(ended[0].getString("status"));
            });
            assertEquals("succeeded", ended[0].getString("status"));
            JsonObject counts = ended[0].getJsonObject("counts");
            assertEquals(ITEMS, counts.getInt("total"));
            assertEquals(ITEMS, counts.getInt("processed"));
            assertEquals(ITEMS, counts.getInt("succeeded"), "no item was applied twice (its create would be a 409)");
            assertEquals(0, counts.getInt("failed"));
            assertEquals(ITEMS, api.get("/api/v1/provisioning/users?size=1").as(operator).tenant("resume").send()
                    .expect(200).json().getInt("totalElements"), "the active list holds each user once");
            assertEquals(ITEMS, api.get("/api/v1/provisioning/jobs/" + job + "/results?size=1").as(operator)
                    .tenant("resume").send().expect(200).json().getInt("totalElements"), "one result per item");
            api.get("/api/v1/provisioning/users/r0").as(operator).tenant("resume").send().expect(200);
            api.get("/api/v1/provisioning/users/r" + (ITEMS - 1)).as(operator).tenant("resume").send().expect(200);
        }
    }

    private static JsonObject progress(Api api, String operator, String job) {
        return api.get("/api/v1/provisioning/jobs/" + job).as(operator).tenant("resume").send().expect(200).json();
    }
}
