package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UnboundID's SCIM 2 client ({@code scim2-sdk-client}, over Jersey's client), a real SCIM client, runs the whole
 * lifecycle of users and groups against {@code /scim/v2} with an API key's secret as its Bearer secret.
 */
class ScimClientIT extends RosterIT {

    Client client;
    ScimService scim;

    @BeforeEach
    void clientOfATenantWithScimOn() {
        String tenant = api.newTenant();
        api.put("/api/v1/tenants/" + tenant + "/services/scim").as(api.operator()).json("{\"enabled\": true}").send()
                .expect(200);
        String admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
        String key = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\": \"SCIM client\"}").send()
                .expect(201).json().getString("apiToken");
        ClientRequestFilter bearer = request -> request.getHeaders().putSingle("Authorization", "Bearer " + key);
        client = ClientBuilder.newClient().property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true)
                .register(bearer);
        scim = new ScimService(client.target(base.toString()).path("scim/v2"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theClientRunsTheLifecycleOfAUser() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertTrue(config.getPatch().isSupported());
        assertTrue(config.getFilter().isSupported());

        UserResource wanted = new UserResource().setUserName("babs@example.com")
                .setName(new Name().setGivenName("Barbara").setFamilyName("Jensen"))
                .setEmails(List.of(new Email().setValue("babs@example.com").setType("work").setPrimary(true)))
                .setTitle("Tour Guide").setActive(true).setPassword("a-long-password-1");
        wanted.setExternalId("701984");
        wanted.setExtension(new EnterpriseUserExtension().setEmployeeNumber("701984").setDepartment("Tours"));
        UserResource created = scim.create("Users", wanted);
        assertEquals("babs@example.com", created.getUserName());
        assertEquals("Jensen", created.getName().getFamilyName());
        assertEquals("Tours", created.getExtension(EnterpriseUserExtension.class).getDepartment());
        assertTrue(created.getMeta().getVersion() != null);

        assertThrows(ResourceConflictException.class, () -> scim.create("Users", wanted));

        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter(Filter.eq("externalId", "701984")).invoke(UserResource.class);
        assertEquals(1, found.getTotalResults());
        assertEquals(created.getId(), found.getResources().get(0).getId());

        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        read.setTitle("Senior Tour Guide");
        read.setPassword(null);
        UserResource replaced = scim.replace(read);
        assertEquals("Senior Tour Guide", replaced.getTitle());

        UserResource modified = scim.modifyRequest("Users", created.getId()).replaceValue("displayName", "Babs")
                .replaceValue("active", false).invoke(UserResource.class);
        assertEquals("Babs", modified.getDisplayName());
        assertFalse(modified.getActive());

        scim.delete("Users", created.getId());
        assertFalse(scim.retrieve("Users", created.getId(), UserResource.class).getActive(),
                "DELETE de-provisions; the user stays readable");
        assertThrows(ResourceNotFoundException.class, () -> scim.retrieve("Users", "no-such-user", UserResource.class));
    }

    @Test
    void theClientRunsTheLifecycleOfAGroup() throws ScimException {
        UserResource ann = scim.create("Users", new UserResource().setUserName("ann@example.com"));
        UserResource bob = scim.create("Users", new UserResource().setUserName("bob@example.com"));
        GroupResource created = scim.create("Groups", new GroupResource().setDisplayName("Guides")
                .setMembers(List.of(new Member().setValue(ann.getId()))));
        assertEquals(1, created.getMembers().size());

        GroupResource modified = scim.modifyRequest("Groups", created.getId())
                .addValues("members", List.of(JsonUtils.valueToNode(new Member().setValue(bob.getId()))))
                .invoke(GroupResource.class);
        assertTrue(modified == null || modified.getMembers().size() == 2);
        GroupResource read = scim.retrieve("Groups", created.getId(), GroupResource.class);
        assertEquals(2, read.getMembers().size());

        read.setDisplayName("Senior Guides");
        read.setMembers(List.of(new Member().setValue(bob.getId())));
        GroupResource replaced = scim.replace(read);
        assertEquals("Senior Guides", replaced.getDisplayName());
        assertEquals(List.of(bob.getId()), replaced.getMembers().stream().map(Member::getValue).toList());

        ListResponse<GroupResource> found = scim.search("Groups", "displayName eq \"senior guides\"",
                GroupResource.class);
        assertEquals(1, found.getTotalResults());

        scim.delete("Groups", created.getId());
        assertThrows(ResourceNotFoundException.class, () -> scim.retrieve("Groups", created.getId(),
                GroupResource.class));
    }
}
