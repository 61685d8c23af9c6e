package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every change writes an audit event in its own transaction; failed changes write none; no secret is kept. */
class AuditEventsIT extends RosterIT {

    @Test
    void eachChangeIsRecordedWithActorTargetRequestAndWhatChanged() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        api.put("/api/v1/provisioning/users/carol").as(admin).header("X-Request-Id", "req-create-carol")
                .json("{\"email\":\"carol@example.com\",\"firstName\":\"Carol\",\"password\":\"carols-secret-1\"}")
                .send().expect(201);
        api.put("/api/v1/provisioning/users/carol").as(admin).header("X-Request-Id", "req-rename-carol")
                .json("{\"firstName\":\"Caroline\"}").send().expect(200);
        api.put("/api/v1/provisioning/users/carol/privilege").as(admin).json("{\"role\":\"USER\"}").send().expect(201);
        api.delete("/api/v1/provisioning/users/carol").as(admin).send().expect(204);

        List<JsonObject> events = api.get("/api/v1/provisioning/events?size=50").as(admin).send().expect(200).content()
                .stream().filter(e -> "carol".equals(e.getString("target", null))).toList();
        assertEquals(List.of("user.deprovisioned", "privilege.revoked", "privilege.granted", "user.updated",
                "user.created"), events.stream().map(e -> e.getString("action")).toList(), "newest first");
        JsonObject created = events.get(4);
        assertEquals("admin", created.getString("actor"));
        assertEquals("user", created.getString("targetType"));
        assertEquals("req-create-carol", created.getString("requestId"));
        assertEquals("carol@example.com", created.getJsonObject("changes").getJsonObject("email").getString("to"));
        assertTrue(created.getJsonObject("changes").getJsonObject("password").getBoolean("changed"));
        JsonObject renamed = events.get(3).getJsonObject("changes").getJsonObject("firstName");
        assertEquals("Carol", renamed.getString("from"));
        assertEquals("Caroline", renamed.getString("to"));
        assertFalse(api.get("/api/v1/provisioning/events?size=200").as(admin).send().body().contains("carols-secret-1"));
    }

    @Test
    void aRefusedChangeLeavesNoEventAndNoRecord() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        long before = api.get("/api/v1/provisioning/events").as(admin).send().json().getInt("totalElements");
        api.put("/api/v1/provisioning/users/dave").as(admin)
                .json("{\"email\":\"dave@example.com\",\"tenantUserPrivileges\":[{\"role\":\"NOPE\"}]}").send().expect(400);
        api.put("/api/v1/provisioning/users/dave").as(admin)
                .json("{\"email\":\"dave@example.com\",\"manager\":\"nobody\"}").send().expect(400);
        assertEquals(before, api.get("/api/v1/provisioning/events").as(admin).send().json().getInt("totalElements"));
        api.get("/api/v1/provisioning/users/dave").as(admin).send().expect(404);
    }

    @Test
    void eventsPageNewestFirst() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        for (int i = 0; i < 5; i++) {
            api.put("/api/v1/provisioning/users/admin").as(admin).json("{\"hint\":\"" + i + "\"}").send().expect(200);
        }
        Api.Answer page = api.get("/api/v1/provisioning/events?size=2").as(admin).send().expect(200);
        assertEquals(2, page.content().size());
        assertTrue(page.json().getInt("totalElements") >= 7);
        assertEquals("{\"from\":\"3\",\"to\":\"4\"}", page.content().get(0).getJsonObject("changes")
                .getJsonObject("hint").toString());
        api.get("/api/v1/provisioning/events?size=500").as(admin).send().expect(400);
    }

    @Test
    void theTrailIsNarrowedByActionActorTargetAndTime() {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        String start = Instant.now().toString(); // after the administrator was made
        for (String name : List.of("dora", "dave")) {
            api.put("/api/v1/provisioning/users/" + name).as(admin).json("{\"email\":\"" + name + "@example.com\"}")
                    .send().expect(201);
            api.put("/api/v1/provisioning/users/" + name + "/privilege").as(admin).json("{\"role\":\"USER\"}").send()
                    .expect(201);
        }
        List<JsonObject> created = api.get("/api/v1/provisioning/events?action=user.created&from=" + start).as(admin)
                .send().expect(200).content();
        assertEquals(List.of("dave", "dora"), created.stream().map(e -> e.getString("target")).toList());
        assertEquals(List.of("privilege.granted", "user.created"), api.get("/api/v1/provisioning/events?target=dora")
                .as(admin).send().expect(200).content().stream().map(e -> e.getString("action")).toList());
        assertEquals(4, api.get("/api/v1/provisioning/events?actor=admin&from=" + start).as(admin).send().json()
                .getInt("totalElements"));
        assertEquals(2, api.get("/api/v1/provisioning/events?action=privilege.&from=" + start).as(admin).send().json()
                .getInt("totalElements"), "a prefix ending in a dot");
        assertEquals(0, api.get("/api/v1/provisioning/events?action=user&from=" + start).as(admin).send().json()
                .getInt("totalElements"), "an action without its dot is exact");
        assertEquals(0, api.get("/api/v1/provisioning/events?until=" + start).as(admin).send().json()
                .getInt("totalElements") - api.get("/api/v1/provisioning/events?until=" + start).as(admin).send()
                .content().size(), "a page that is not full says its total");
        api.get("/api/v1/provisioning/events?from=yesterday").as(admin).send().expect(400);
        api.get("/api/v1/provisioning/events?actor=" + "x".repeat(300)).as(admin).send().expect(400);
    }
}
