package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code roster.log.format=json} (issue 14, "Logs"): from Roster's start on, one JSON object per line, the access
 * line's fields as members, refusals without a stack trace, and a stop that logs none either. It owns its Roster:
 * the log format is the process's.
 */
class LogFormatIT {

    @TempDir
    Path work;

    @Test
    void jsonLogsOneObjectPerLineWithTheAccessFieldsAndNoStackTraceForRefusalsOrTheStop() throws Exception {
        String password = "log-format-operator-1";
        String failed = "json-" + UUID.randomUUID();
        String malformed = "json-" + UUID.randomUUID();
        RosterProcess roster = RosterProcess.start(work, work.resolve("data"), Map.of("ROSTER_LOG_FORMAT", "json",
                "ROSTER_BOOTSTRAP_ADMIN_PASSWORD", password));
        try (roster) {
            Api api = new Api(roster.url());
            String operator = api.token("admin", password, null);
            api.post("/api/v1/provisioning/token").header("X-Request-Id", failed).form(Map.of("grant_type",
                    "password", "username", "admin", "password", "not-the-password")).send().expect(400);
            api.post("/api/v1/tenants").as(operator).header("X-Request-Id", malformed).json("{\"label\": ")
                    .send().expect(400);
            api.get("/api/v1/tenants/nowhere").as(operator + "x").send().expect(401);
            Poll.until(Duration.ofSeconds(10), "the access lines are written", () -> log(roster).contains(malformed));
        }
        List<JsonObject> records = new ArrayList<>();
        boolean started = false;
        for (String line : roster.log().split("\n")) {
            started |= line.contains("\"logger\":\"dev.roster.Startup\"");
            if (started && !line.isBlank()) {
                try {
                    records.add(Json.createReader(new StringReader(line)).readObject());
                } catch (JsonParsingException notJson) {
                    throw new AssertionError("not a JSON object: " + line);
                }
            }
        }
        assertTrue(records.stream().anyMatch(r -> r.getString("message").contains("started on port")), "start line");
        JsonObject access = records.stream().filter(r -> r.getString("logger").equals("dev.roster.access")
                && malformed.equals(r.getString("requestId", null))).findFirst().orElseThrow();
        assertEquals("POST", access.getString("method"));
        assertEquals("/api/v1/tenants", access.getString("route"));
        assertEquals(400, access.getInt("status"));
        assertEquals("bearer", access.getString("credential"));
        assertTrue(access.getJsonNumber("durationMs").doubleValue() >= 0);
        for (String field : List.of("time", "level", "thread", "message")) {
            assertTrue(access.containsKey(field), field);
        }
        assertTrue(records.stream().anyMatch(r -> r.getString("message").contains("Failed sign-in")
                && r.getString("message").contains(failed)), "the failed sign-in, with its request id");
        assertFalse(records.stream().anyMatch(r -> r.containsKey("exception")), "no stack trace: " + records.stream()
                .filter(r -> r.containsKey("exception")).map(r -> r.getString("exception")).findFirst().orElse(""));
        assertFalse(roster.log().contains("not-the-password"), "no secret");
    }

    private static String log(RosterProcess roster) {
        try {
            return roster.log();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
