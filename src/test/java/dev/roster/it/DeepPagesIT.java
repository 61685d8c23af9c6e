package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Deep pages of the active list start from positions remembered by a walk of the list and carried forward
 * through every change since (dev.roster.user.control.ListingAnchors). The system tests run Roster with a
 * position every 5 users ({@code ROSTER_LISTING_ANCHOR_STEP} in pom.xml), so every page past the fifth user
 * goes that way once the positions are known; each page must hold exactly what a plain reading of the list
 * would, through creations, suspensions, de-provisioning and windows that open or close without a write.
 */
class DeepPagesIT extends RosterIT {

    @Test
    void everyPageIsExactThroughChangesMadeAfterThePositionsWereRead() throws Exception {
        String tenant = api.newTenant();
        TreeSet<String> listed = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            String username = String.format("m%02d", i);
            api.plainMember(tenant, username, "USER", null);
            listed.add(username);
        }
        Thread.sleep(11_000); // positions are only trusted when no change took effect in the 10 s before the walk
        assertPages(tenant, listed); // the first deep page starts the walk; these pages are read the plain way
        Thread.sleep(13_000); // the walk is checked 11 s after it ends, then used

        assertPages(tenant, listed);
        api.plainMember(tenant, "a-first", "USER", null);
        api.plainMember(tenant, "m105", "USER", null);
        api.putUser(tenant, "m03", "{\"status\":\"SUSPENDED\"}").expect(200);
        api.delete("/api/v1/provisioning/users/m20").as(api.operator()).tenant(tenant).send().expect(204);
        Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        api.putUser(tenant, "m07x", "{\"email\":\"m07x@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeFrom\":\"" + soon + "\"}]}").expect(201);
        api.put("/api/v1/provisioning/users/m12/privilege").as(api.operator()).tenant(tenant)
                .json("{\"role\":\"USER\",\"activeUntil\":\"" + soon + "\"}").send().expect(200);
        listed.addAll(List.of("a-first", "m105"));
        listed.removeAll(List.of("m03", "m20"));
        assertPages(tenant, listed);

        Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1_000);
        listed.add("m07x"); // its window opened, m12's closed, and nobody wrote
        listed.remove("m12");
        assertPages(tenant, listed);
    }

    /** Every page of sizes 1, 4 and 7, and the totals, against the expected list. */
    private void assertPages(String tenant, TreeSet<String> listed) {
        List<String> expected = new ArrayList<>(listed);
        for (int size : new int[] {1, 4, 7}) {
            for (int page = 0; page * size <= expected.size(); page++) {
                Api.Answer answer = api.get("/api/v1/provisioning/users?page=" + page + "&size=" + size)
                        .as(api.operator()).tenant(tenant).send().expect(200);
                List<String> slice = expected.subList(Math.min(page * size, expected.size()),
                        Math.min((page + 1) * size, expected.size()));
                assertEquals(slice, answer.usernames(), "page " + page + " of size " + size);
                assertEquals(expected.size(), answer.json().getInt("totalElements"));
            }
        }
    }
}
