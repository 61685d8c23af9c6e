package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The active-user list and its total through every way a user enters or leaves it, including privilege windows
 * that open or close while nobody writes. The administrator's total comes from the tenant's counter, a manager's
 * from counting its own range; both must always equal what the list holds.
 */
class ActiveListIT extends RosterIT {

    @Test
    void theListAndItsTotalFollowStatusDeprovisioningGrantsAndWindowsThatOpenOrCloseLater() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "anna", "USER", null);
        api.plainMember(tenant, "bo", "USER", null);
        api.plainMember(tenant, "cy", "USER", null);
        assertListed(tenant, "anna", "bo", "cy");

        api.putUser(tenant, "bo", "{\"status\":\"SUSPENDED\"}").expect(200);
        assertListed(tenant, "anna", "cy");
        api.putUser(tenant, "bo", "{\"status\":\"ACTIVE\"}").expect(200);
        assertListed(tenant, "anna", "bo", "cy");

        api.delete("/api/v1/provisioning/users/cy").as(api.operator()).tenant(tenant).send().expect(204);
        assertListed(tenant, "anna", "bo");
        privilege(tenant, "cy", "{\"role\":\"USER\"}");
        assertListed(tenant, "anna", "bo", "cy");

        Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        api.putUser(tenant, "dag", "{\"email\":\"dag@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeFrom\":\"" + soon + "\"}]}").expect(201);
        privilege(tenant, "anna", "{\"role\":\"USER\",\"activeUntil\":\"" + soon + "\"}");
        api.delete("/api/v1/provisioning/users/bo/privilege").as(api.operator()).tenant(tenant).send().expect(204);
        api.putUser(tenant, "eve", "{\"email\":\"eve@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeFrom\":\"" + soon + "\",\"activeUntil\":\"" + soon.plusSeconds(3600) + "\"}]}").expect(201);
        privilege(tenant, "eve", "{\"role\":\"USER\",\"activeFrom\":\"2020-01-01T00:00:00Z\",\"activeUntil\":\""
                + soon.plusSeconds(3600) + "\"}");
        assertListed(tenant, "anna", "cy", "eve");

        // anna's window closes and dag's opens, with no write
        Poll.until(Duration.ofSeconds(15), () -> assertListed(tenant, "cy", "dag", "eve"));

        // once the counter has settled past those moments, the total comes from the settled value: still right
        Poll.until(Duration.ofSeconds(30), "the counters settle past " + soon,
                () -> api.metric("roster_counters_settled_until_seconds") > soon.getEpochSecond() + 1);
        assertListed(tenant, "cy", "dag", "eve");
    }

    @Test
    void aUserWhosePrivilegesLeaveAGapLeavesTheListForTheGapAndComesBackWithNoWrite() {
        String tenant = api.newTenant();
        api.plainMember(tenant, "anchor", "USER", null);
        Instant gapFrom = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        api.putUser(tenant, "gap", "{\"email\":\"gap@example.com\",\"tenantUserPrivileges\":[{\"role\":\"USER\","
                + "\"activeUntil\":\"" + gapFrom + "\"},{\"role\":\"USER\",\"scope\":\"app\",\"activeFrom\":\""
                + gapFrom.plusSeconds(4) + "\"}]}").expect(201);
        assertListed(tenant, "anchor", "gap");
        Poll.until(Duration.ofSeconds(15), () -> assertListed(tenant, "anchor"));
        // the stored interval has ended and the next one opens: the list stores it before it is read
        Poll.until(Duration.ofSeconds(15), () -> assertListed(tenant, "anchor", "gap"));
        assertEquals(List.of("gap"), search(api.operator(), tenant, "ga"));
    }

    @Test
    void aManagersTotalCountsItsOwnReachOnly() {
        String tenant = api.newTenant();
        String boss = api.member(tenant, "boss", "MANAGEMENT", null);
        api.plainMember(tenant, "lead", "TEAM_LEADER", "boss");
        api.plainMember(tenant, "dev", "USER", "lead");
        api.plainMember(tenant, "outsider", "USER", null);
        assertEquals(List.of("boss", "dev", "lead"), listed(boss, tenant));
        api.putUser(tenant, "dev", "{\"status\":\"SUSPENDED\"}").expect(200);
        assertEquals(List.of("boss", "lead"), listed(boss, tenant));
        assertEquals(List.of("lead"), search(boss, "le"));
    }

    @Test
    void aSearchGivesTheSameTotalOnAFullPageTheLastPageAndPastTheEnd() {
        String tenant = api.newTenant();
        for (String username : List.of("kia", "kim", "kit", "zed")) {
            api.plainMember(tenant, username, "USER", null);
        }
        assertSearchPage(tenant, 0, List.of("kia", "kim")); // full: the total is counted
        assertSearchPage(tenant, 1, List.of("kit")); // the last page: its own length gives the total
        assertSearchPage(tenant, 2, List.of()); // past the end: counted again
    }

    @Test
    void aSearchComesInTheOrderOfWhatMatchedAndPastAHundredMatchesItsTotalIsALowerBoundThatReachesTheEnd() {
        String tenant = api.newTenant();
        for (int i = 0; i < 130; i++) {
            api.plainMember(tenant, String.format("pa%03d", i), "USER", null);
        }
        api.putUser(tenant, "zz", "{\"email\":\"zz@example.com\",\"firstName\":\"Pa\","
                + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        api.putUser(tenant, "pa005", "{\"status\":\"SUSPENDED\"}").expect(200);

        List<String> seen = new ArrayList<>();
        int pages;
        int page = 0;
        do { // as a client reads a list: while there are pages
            Api.Answer answer = api.get("/api/v1/provisioning/users?q=PA&size=25&page=" + page).as(api.operator())
                    .tenant(tenant).send().expect(200);
            JsonObject json = answer.json();
            if (page == 0) {
                assertFalse(json.getBoolean("totalExact"), "130 matches in a column are not counted");
                assertTrue(json.getInt("totalElements") > 25, "the lower bound says another page follows");
            }
            seen.addAll(answer.usernames());
            pages = json.getInt("totalPages");
        } while (++page < pages);
        List<String> expected = new ArrayList<>(List.of("zz")); // its first name "pa" sorts before "pa000"
        IntStream.range(0, 130).filter(i -> i != 5).forEach(i -> expected.add(String.format("pa%03d", i)));
        assertEquals(expected, seen);

        JsonObject narrow = api.get("/api/v1/provisioning/users?q=pa01").as(api.operator()).tenant(tenant).send()
                .expect(200).json();
        assertTrue(narrow.getBoolean("totalExact"));
        assertEquals(10, narrow.getInt("totalElements"));
    }

    private void assertSearchPage(String tenant, int page, List<String> usernames) {
        Api.Answer answer = api.get("/api/v1/provisioning/users?q=ki&size=2&page=" + page).as(api.operator())
                .tenant(tenant).send().expect(200);
        assertEquals(usernames, answer.usernames());
        assertEquals(3, answer.json().getInt("totalElements"), "page " + page);
    }

    private void privilege(String tenant, String username, String json) {
        int status = api.put("/api/v1/provisioning/users/" + username + "/privilege").as(api.operator()).tenant(tenant)
                .json(json).send().status();
        assertEquals(true, status == 200 || status == 201, "privilege PUT answered " + status);
    }

    /** The list as the operator (all users) sees it, and the total agrees with it. */
    private void assertListed(String tenant, String... usernames) {
        assertEquals(List.of(usernames), listed(api.operator(), tenant));
    }

    private List<String> listed(String token, String tenant) {
        Api.Answer page = api.get("/api/v1/provisioning/users?size=200").as(token).tenant(tenant).send().expect(200);
        assertEquals(page.usernames().size(), page.json().getInt("totalElements"), "the total matches the list");
        return page.usernames();
    }

    private List<String> search(String token, String q) {
        return totalled(api.get("/api/v1/provisioning/users?q=" + q).as(token).send().expect(200));
    }

    private List<String> search(String token, String tenant, String q) {
        return totalled(api.get("/api/v1/provisioning/users?q=" + q).as(token).tenant(tenant).send().expect(200));
    }

    private List<String> totalled(Api.Answer page) {
        assertEquals(page.usernames().size(), page.json().getInt("totalElements"), "the total matches the list");
        return page.usernames();
    }
}
