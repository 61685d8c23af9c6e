package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * 003 Users, paging: deep pages of the active list start from positions remembered by a walk of the list and
 * carried forward through every change since (dev.roster.user.control.ListingAnchors). The shared Roster runs
 * with a position every {@value #STEP} users ({@code ROSTER_LISTING_ANCHOR_STEP} in pom.xml). Each page must hold
 * exactly what a plain reading of the list would, through creations, suspensions, de-provisioning and windows
 * that open or close without a write; and every page past the first {@value #STEP} users must be served from a
 * remembered position, as the metric {@code roster_listing_pages_total{start="position"}} tells an operator.
 */
class DeepPagesIT extends RosterIT {

    static final int STEP = 5;
    static final Duration WALKED = Duration.ofSeconds(60);

    @Test
    void everyDeepPageIsExactAndStartsFromARememberedPositionThroughChangesMadeAfterTheWalk() {
        String tenant = api.newTenant();
        TreeSet<String> listed = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            String username = String.format("m%02d", i);
            api.plainMember(tenant, username, "USER", null);
            listed.add(username);
        }
        // positions are only trusted from a walk of a list that was quiet for the counters' settling time before it
        Instant written = Instant.now();
        Poll.until(WALKED, "the list is quiet", () -> api.metric("roster_counters_settled_until_seconds")
                > written.getEpochSecond() + 1);
        // the first deep page starts the walk, whose positions are used once the list is known to have stayed quiet
        Poll.until(WALKED, "a deep page is served from a remembered position", () -> {
            double before = fromPositions();
            assertPage(tenant, new ArrayList<>(listed), 5, 5);
            return fromPositions() > before;
        });

        assertPagesFromPositions(tenant, listed);
        api.plainMember(tenant, "a-first", "USER", null);
        api.plainMember(tenant, "m105", "USER", null);
        api.putUser(tenant, "m03", "{\"status\":\"SUSPENDED\"}").expect(200);
        api.delete("/api/v1/provisioning/users/m20").as(api.operator()).tenant(tenant).send().expect(204);
        Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        api.putUser(tenant, "m07x", "{\"email\":\"m07x@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeFrom\":\"" + soon + "\"}]}").expect(201);
        api.put("/api/v1/provisioning/users/m12/privilege").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"USER\",\"activeUntil\":\"" + soon + "\"}").send().expect(200);
        listed.addAll(List.of("a-first", "m105"));
        listed.removeAll(List.of("m03", "m20"));
        assertPagesFromPositions(tenant, listed);

        listed.add("m07x"); // its window opens, m12's closes, and nobody writes
        listed.remove("m12");
        Poll.until(Duration.ofSeconds(15), () -> assertPage(tenant, new ArrayList<>(listed), 0, 100));
        assertPagesFromPositions(tenant, listed);
    }

    /**
     * Every page of sizes 1, 4 and 7, and the totals, against the expected list; each page that starts at or past
     * the first remembered position is served from a remembered position.
     */
    private void assertPagesFromPositions(String tenant, TreeSet<String> listed) {
        List<String> expected = new ArrayList<>(listed);
        double before = fromPositions();
        int deep = 0;
        for (int size : new int[] {1, 4, 7}) {
            for (int page = 0; page * size <= expected.size(); page++) {
                assertPage(tenant, expected, page, size);
                if (page * size >= STEP && page * size < expected.size()) {
                    deep++;
                }
            }
        }
        assertEquals(deep, fromPositions() - before, 0.0, "deep pages served from a remembered position");
    }

    private void assertPage(String tenant, List<String> expected, int page, int size) {
        Api.Answer answer = api.get("/api/v1/provisioning/users?page=" + page + "&size=" + size)
                .as(api.operator()).tenant(tenant).send().expect(200);
        List<String> slice = expected.subList(Math.min(page * size, expected.size()),
                Math.min((page + 1) * size, expected.size()));
        assertEquals(slice, answer.usernames(), "page " + page + " of size " + size);
        assertEquals(expected.size(), answer.json().getInt("totalElements"));
    }

    private double fromPositions() {
        return api.metric("roster_listing_pages_total", "start", "position");
    }
}
