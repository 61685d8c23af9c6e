package dev.roster;

import dev.roster.apikey.boundary.ApiKeysResource;
import dev.roster.apikey.boundary.UserApiKeysResource;
import dev.roster.appxite.boundary.AppXiteResource;
import dev.roster.audit.boundary.EventsResource;
import dev.roster.caller.Roles;
import dev.roster.directory.boundary.GroupsResource;
import dev.roster.directory.boundary.IdentityProvidersResource;
import dev.roster.directory.boundary.OrganizationsResource;
import dev.roster.domain.boundary.DomainMappingsResource;
import dev.roster.endpoint.boundary.ServiceEndpointsResource;
import dev.roster.idempotency.boundary.IdempotencyFilter;
import dev.roster.invitation.boundary.AcceptResource;
import dev.roster.invitation.boundary.InvitationsResource;
import dev.roster.job.boundary.BulkResource;
import dev.roster.job.boundary.JobsResource;
import dev.roster.kore.boundary.KoreResource;
import dev.roster.operations.ContentLength;
import dev.roster.platform.JsonConfig;
import dev.roster.platform.JsonObjectReader;
import dev.roster.platform.RequestIdFilter;
import dev.roster.privilege.boundary.PrivilegesResource;
import dev.roster.privilege.boundary.RolesResource;
import dev.roster.privilege.boundary.UserPrivilegeResource;
import dev.roster.privilege.boundary.UserPrivilegesResource;
import dev.roster.problem.ProblemMapper;
import dev.roster.problem.TransactionalProblemMapper;
import dev.roster.provisioning.boundary.AsUsersResource;
import dev.roster.provisioning.boundary.ProvisioningInfoResource;
import dev.roster.provisioning.boundary.UsersResource;
import dev.roster.security.CallerRolesFilter;
import dev.roster.security.TenantHeaderFilter;
import dev.roster.service.boundary.ServicesResource;
import dev.roster.tenant.boundary.TenantsResource;
import dev.roster.token.boundary.FormBodyFilter;
import dev.roster.token.boundary.TokenResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Roster's REST API under {@code /api}: the native API, the operator's, AppXite's and Kore.ai's.
 * {@code @ApplicationScoped} because Payara needs the class carrying {@code @LoginConfig} to be a CDI bean; the
 * authentication itself is done by {@link dev.roster.security.RosterAuthentication}, which hands bearer tokens to
 * MicroProfile JWT.
 *
 * <p>Its resources are listed, not scanned: a second application serves {@code /scim} ({@link ScimApplication}),
 * and with two applications each must name its own (so both Jersey and MicroProfile OpenAPI put every resource
 * under its own root, once). {@code ApplicationsTest} keeps the lists complete.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR,
        Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
public class RosterApplication extends Application {

    /** The providers both applications share. */
    static final Set<Class<?>> PROVIDERS = Set.of(JsonConfig.class, JsonObjectReader.class, RequestIdFilter.class,
            ProblemMapper.class, TransactionalProblemMapper.class, TenantHeaderFilter.class, FormBodyFilter.class,
            IdempotencyFilter.class, CallerRolesFilter.class, ContentLength.class);

    static final Set<Class<?>> RESOURCES = Set.of(ApiKeysResource.class, UserApiKeysResource.class,
            AppXiteResource.class, EventsResource.class, GroupsResource.class, IdentityProvidersResource.class,
            OrganizationsResource.class, DomainMappingsResource.class, ServiceEndpointsResource.class,
            AcceptResource.class, InvitationsResource.class, PrivilegesResource.class, RolesResource.class,
            UserPrivilegeResource.class, UserPrivilegesResource.class, AsUsersResource.class,
            ProvisioningInfoResource.class, UsersResource.class, ServicesResource.class, TenantsResource.class,
            TokenResource.class, KoreResource.class, BulkResource.class, JobsResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(RESOURCES);
        classes.addAll(PROVIDERS);
        return classes;
    }

    /**
     * Jersey's settings for both applications. Its generated WADL ({@code /api/application.wadl}) is off: the API's
     * document is {@code /openapi}. Its buffering of answers is off: {@link ContentLength} gives answers their
     * length without allocating a buffer of the whole limit for each.
     */
    static final Map<String, Object> JERSEY = Map.of("jersey.config.server.wadl.disableWadl", true,
            "jersey.config.server.contentLength.buffer", 0);

    @Override
    public Map<String, Object> getProperties() {
        return JERSEY;
    }
}
