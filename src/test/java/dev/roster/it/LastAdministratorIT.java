package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, "last administrator": a tenant's last effective administrator cannot revoke or change its privilege,
 * be suspended or be de-provisioned by anyone but the platform operator; after that nobody else could manage the
 * tenant.
 */
class LastAdministratorIT extends RosterIT {

    static final String BOSS = "/api/v1/provisioning/users/boss";

    @Test
    void theLastAdministratorCannotLockTheTenantOutOfItsOwnManagement() {
        String tenant = api.newTenant();
        String boss = api.member(tenant, "boss", "ADMINISTRATOR", null);
        refused(api.delete(BOSS + "/privilege").as(boss).send());
        refused(api.put(BOSS + "/privilege").as(boss).json("{\"role\":\"USER\"}").send());
        refused(api.put(BOSS + "/privilege").as(boss).json("{\"role\":\"ADMINISTRATOR\",\"activeUntil\":"
                + "\"2001-01-01T00:00:00Z\"}").send());
        refused(api.put(BOSS).as(boss).json("{\"status\":\"SUSPENDED\"}").send());
        refused(api.put(BOSS).as(boss).json("{\"tenantUserPrivileges\":[]}").send());
        refused(api.delete(BOSS).as(boss).send());
        api.get("/api/v1/provisioning/users").as(boss).send().expect(200); // still the administrator
    }

    @Test
    void withASecondAdministratorOneMayStepDownAndThenTheOtherIsTheLast() {
        String tenant = api.newTenant();
        String boss = api.member(tenant, "boss", "ADMINISTRATOR", null);
        String deputy = api.member(tenant, "deputy", "ADMINISTRATOR", null);
        api.put(BOSS + "/privilege").as(boss).json("{\"role\":\"USER\"}").send().expect(200);
        refused(api.delete("/api/v1/provisioning/users/deputy/privilege").as(deputy).send()); // now the last one
    }

    @Test
    void theOperatorMayStillRemoveTheLastAdministrator() {
        String tenant = api.newTenant();
        api.member(tenant, "boss", "ADMINISTRATOR", null);
        api.put(BOSS).as(api.operator()).tenant(tenant).json("{\"status\":\"SUSPENDED\"}").send().expect(200);
        api.delete(BOSS).as(api.operator()).tenant(tenant).send().expect(204);
    }

    private static void refused(Api.Answer answer) {
        answer.expect(409);
        assertTrue(answer.json().getString("detail").contains("last administrator"), answer.body());
    }
}
