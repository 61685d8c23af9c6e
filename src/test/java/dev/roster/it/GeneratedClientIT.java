package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.client.ApiClient;
import dev.roster.client.ApiException;
import dev.roster.client.ApiResponse;
import dev.roster.client.api.ApiKeysApi;
import dev.roster.client.api.AuditEventsApi;
import dev.roster.client.api.PrivilegesApi;
import dev.roster.client.api.RolesApi;
import dev.roster.client.api.TenantsApi;
import dev.roster.client.api.TokenApi;
import dev.roster.client.api.UsersApi;
import dev.roster.client.model.ApiKey;
import dev.roster.client.model.ApiKeyInput;
import dev.roster.client.model.AuditEvent;
import dev.roster.client.model.Privilege;
import dev.roster.client.model.PrivilegeInput;
import dev.roster.client.model.RoleInput;
import dev.roster.client.model.TenantInput;
import dev.roster.client.model.User;
import dev.roster.client.model.UserInput;
import dev.roster.client.model.UserPage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, step by step, with the Java client that openapi-generator makes of
 * {@code docs/openapi.yaml} at build time (issue 14): an integrator who starts from the document gets a client that
 * works against a running Roster without a line of hand-written HTTP. ApiDocumentIT keeps that document equal to the
 * one Roster serves.
 */
class GeneratedClientIT extends RosterIT {

    @Test
    void theReadmeWalkThroughWorksWithAClientGeneratedFromTheDocument() throws ApiException {
        String tenant = "gen-" + UUID.randomUUID().toString().substring(0, 8);

        // 1. The platform operator signs in (no tenant) and creates a tenant
        ApiClient operator = client(new TokenApi(client(null)).token("password", null, Api.OPERATOR,
                Api.OPERATOR_PASSWORD, null, null, null).getAccessToken());
        new TenantsApi(operator).createTenant(new TenantInput().label(tenant).name("Mobilitus").icon("mobilitus.png"),
                UUID.randomUUID().toString());

        // 2. Acting in that tenant (X-Tenant), the operator creates its first administrator, role included
        ApiResponse<User> created = new UsersApi(operator).putUserWithHttpInfo("mobdev", new UserInput()
                .email("tenant+mobilitus@activitystream.com").firstName("Mobilitus").lastName("Tickets")
                .country("ISL").password("a-long-password").tenantUserPrivileges(List.of(new PrivilegeInput()
                        .role("ADMINISTRATOR").activeFrom(OffsetDateTime.parse("2014-08-20T17:44:33Z")))),
                tenant, null, null);
        assertEquals(201, created.getStatusCode());
        assertEquals("ADMINISTRATOR", created.getData().getTenantUserPrivileges().get(0).getRole());

        // 3. The administrator signs in to the tenant and provisions users
        ApiClient admin = client(new TokenApi(client(null)).token("password", null, "mobdev", "a-long-password",
                tenant, null, null).getAccessToken());
        UsersApi users = new UsersApi(admin);
        PrivilegesApi privileges = new PrivilegesApi(admin);
        users.putUser("jane", new UserInput().email("jane@mobilitus.is").firstName("Jane").manager("mobdev"), null,
                null, null);
        privileges.putUserPrivilege("jane", new PrivilegeInput().role("TEAM_LEADER")
                .activeUntil(OffsetDateTime.parse("2031-01-01T00:00:00Z")), null, null);

        // 3b. The tenant's own role, a privilege for one application, and a week of cover as administrator
        new RolesApi(admin).createRole(new RoleInput().name("Help Desk Agent").weight(5), null, null);
        Privilege desk = privileges.grantPrivilege("jane", new PrivilegeInput().role("help desk agent")
                .scope("desk-app"), null, null);
        assertEquals("Help Desk Agent", desk.getRoleName());
        privileges.grantPrivilege("jane", new PrivilegeInput().role("Administrator")
                .activeFrom(OffsetDateTime.parse("2030-01-04T00:00:00Z"))
                .activeUntil(OffsetDateTime.parse("2030-01-11T00:00:00Z")), null, null);
        assertEquals(3, privileges.listUserPrivileges("jane", null).size());

        // 4. List, search, read (with its ETag), update only if unchanged since
        UserPage found = users.listUsers(null, 0, 20, "jan", null);
        assertEquals(List.of("jane"), found.getContent().stream().map(User::getUsername).toList());
        String etag = users.getUserWithHttpInfo("jane", null).getHeaders().get("etag").get(0);
        assertEquals("Doe", users.putUser("jane", new UserInput().lastName("Doe"), null, etag, null).getLastName());
        ApiException stale = assertThrows(ApiException.class,
                () -> users.putUser("jane", new UserInput().lastName("Roe"), null, etag, null));
        assertEquals(412, stale.getCode());
        assertTrue(stale.getResponseBody().contains("urn:roster:problem:precondition-failed"), stale.getResponseBody());

        // 5. De-provision (revokes every privilege; the record and history stay), and read the audit trail
        users.deprovisionUser("jane", null, null);
        List<AuditEvent> events = new AuditEventsApi(admin).listEvents(null, 0, 50, "user.", null, "jane", null, null)
                .getContent();
        assertTrue(events.stream().anyMatch(e -> e.getAction().equals("user.deprovisioned")
                && "jane".equals(e.getTarget())), () -> events.toString());

        // 6. An integration gets an API key (the secret is shown once) and uses it, or trades it for a token
        ApiKey key = new ApiKeysApi(admin).createOwnApiKey(new ApiKeyInput().name("HR sync"), null, null);
        assertNotNull(key.getApiToken());
        ApiClient integration = client(null).setRequestInterceptor(r -> r.header("x-app-token", key.getApiToken()));
        assertTrue(new UsersApi(integration).listUsers(null, null, null, null, null).getContent().stream()
                .anyMatch(u -> u.getUsername().equals("mobdev")));
        String traded = new TokenApi(client(null)).token("client_credentials", null, null, null, null, null,
                key.getApiToken()).getAccessToken();
        assertEquals("mobdev", new UsersApi(client(traded)).getUser("mobdev", null).getUsername());

        // 7. The operator suspends the tenant: its users get no tokens, and their tokens stop working at once
        new TenantsApi(operator).updateTenant(tenant, new TenantInput().active(false), null);
        ApiException refused = assertThrows(ApiException.class, () -> users.getUser("mobdev", null));
        assertEquals(401, refused.getCode());
    }

    /** A generated client of this Roster, sending {@code token} as a bearer token when there is one. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/+$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
