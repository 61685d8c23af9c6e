package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The five roles, enforced on every read and write. The tenant's hierarchy:
 * <pre>
 *   boss (MANAGEMENT)
 *   └── lead (TEAM_LEADER)
 *       └── worker (USER)
 *           └── intern (USER)
 *   loner (USER)        admin (ADMINISTRATOR)      auditor (INTERNAL_AUDITING)
 * </pre>
 */
class VisibilityIT extends RosterIT {

    static final List<String> EVERYONE = List.of("admin", "auditor", "boss", "intern", "lead", "loner", "worker");

    String tenant;
    String admin;
    String auditor;
    String boss;
    String lead;
    String worker;

    @BeforeEach
    void hierarchy() {
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        boss = api.member(tenant, "boss", "MANAGEMENT", null);
        lead = api.member(tenant, "lead", "TEAM_LEADER", "boss");
        worker = api.member(tenant, "worker", "USER", "lead");
        api.plainMember(tenant, "intern", "USER", "worker");
        api.member(tenant, "loner", "USER", null);
    }

    @Test
    void eachRoleListsExactlyTheUsersItReaches() {
        assertEquals(EVERYONE, users(admin));
        assertEquals(EVERYONE, users(auditor));
        assertEquals(List.of("boss", "intern", "lead", "worker"), users(boss));
        assertEquals(List.of("lead", "worker"), users(lead));
        assertEquals(List.of("worker"), users(worker));
    }

    @Test
    void aUserOutsideTheCallersReachIsNotFoundRatherThanForbidden() {
        api.get("/api/v1/provisioning/users/worker").as(worker).send().expect(200);
        api.get("/api/v1/provisioning/users/lead").as(worker).send().expect(404);
        api.get("/api/v1/provisioning/users/intern").as(lead).send().expect(404);
        api.get("/api/v1/provisioning/users/boss").as(lead).send().expect(404);
        api.get("/api/v1/provisioning/users/intern").as(boss).send().expect(200);
        api.get("/api/v1/provisioning/users/loner").as(boss).send().expect(404);
        api.get("/api/v1/provisioning/users/worker/privilege").as(lead).send().expect(200);
        api.get("/api/v1/provisioning/users/boss/privilege").as(lead).send().expect(404);
        String bossPrivilege = api.get("/api/v1/provisioning/users/boss/privilege").as(admin).send().json().getString("id");
        api.get("/api/v1/provisioning/privileges/" + bossPrivilege).as(worker).send().expect(404);
        api.get("/api/v1/provisioning/privileges/" + bossPrivilege).as(auditor).send().expect(200);
        assertEquals(404, api.get("/api/v1/provisioning/users/ghost").as(boss).send().status(),
                "an absent user and a hidden one look the same");
    }

    @Test
    void privilegesListFollowsTheSameReach() {
        assertEquals(List.of("lead", "worker"), privileges(lead));
        assertEquals(List.of("worker"), privileges(worker));
        assertEquals(EVERYONE, privileges(auditor));
    }

    @Test
    void searchStaysWithinReach() {
        assertEquals(List.of(), api.get("/api/v1/provisioning/users?q=loner").as(boss).send().expect(200).usernames());
        assertEquals(List.of("intern"), api.get("/api/v1/provisioning/users?q=int").as(boss).send().usernames());
    }

    @Test
    void onlyTheAdministratorChangesAnything() {
        for (String reader : new String[] {auditor, boss, lead, worker}) {
            api.put("/api/v1/provisioning/users/worker").as(reader).json("{\"hint\":\"x\"}").send().expect(403);
            api.put("/api/v1/provisioning/users/newcomer").as(reader).json("{\"email\":\"n@example.com\"}").send()
                    .expect(403);
            api.delete("/api/v1/provisioning/users/intern").as(reader).send().expect(403);
            api.put("/api/v1/provisioning/users/worker/privilege").as(reader).json("{\"role\":\"ADMINISTRATOR\"}")
                    .send().expect(403);
            api.delete("/api/v1/provisioning/users/worker/privilege").as(reader).send().expect(403);
            api.put("/api/v1/provisioning/privileges/worker").as(reader).json("{\"role\":\"ADMINISTRATOR\"}")
                    .send().expect(403);
            api.delete("/api/v1/provisioning/privileges/worker").as(reader).send().expect(403);
        }
        assertEquals("USER", api.get("/api/v1/provisioning/users/worker/privilege").as(admin).send().json()
                .getString("role"), "nothing changed");
        api.put("/api/v1/provisioning/users/worker").as(admin).json("{\"hint\":\"by admin\"}").send().expect(200);
    }

    @Test
    void auditEventsAreForAdministratorsAndAuditorsOnly() {
        api.get("/api/v1/provisioning/events").as(admin).send().expect(200);
        api.get("/api/v1/provisioning/events").as(auditor).send().expect(200);
        api.get("/api/v1/provisioning/events").as(boss).send().expect(403);
        api.get("/api/v1/provisioning/events").as(worker).send().expect(403);
        api.get("/api/v1/provisioning/as-users?q=a").as(admin).send().expect(403);
    }

    @Test
    void movingATeamMovesEveryoneBelowIt() {
        api.put("/api/v1/provisioning/users/lead").as(admin).json("{\"manager\":\"loner\"}").send().expect(200);
        assertEquals(List.of("boss"), users(boss));
        api.put("/api/v1/provisioning/users/loner/privilege").as(admin).json("{\"role\":\"MANAGEMENT\"}").send().expect(200);
        String loner = api.token("loner", Api.PASSWORD, tenant);
        assertEquals(List.of("intern", "lead", "loner", "worker"), users(loner));
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequestWithTheSameToken() {
        assertEquals(List.of("worker"), users(worker));
        api.put("/api/v1/provisioning/users/worker/privilege").as(admin).json("{\"role\":\"INTERNAL_AUDITING\"}").send()
                .expect(200);
        assertEquals(EVERYONE, users(worker));
    }

    private List<String> users(String token) {
        return api.get("/api/v1/provisioning/users").as(token).send().expect(200).usernames();
    }

    private List<String> privileges(String token) {
        return api.get("/api/v1/provisioning/privileges").as(token).send().expect(200).content().stream()
                .map(p -> p.getJsonObject("user").getString("username")).toList();
    }
}
