package dev.roster.provisioning.boundary;

import dev.roster.caller.Caller;
import dev.roster.caller.Roles;
import dev.roster.domain.boundary.DomainMappingView;
import dev.roster.domain.control.DomainMappings;
import dev.roster.domain.control.RequestHost;
import dev.roster.endpoint.boundary.ServiceEndpointView;
import dev.roster.endpoint.control.ServiceEndpoints;
import dev.roster.problem.Problem;
import dev.roster.service.boundary.ServiceView;
import dev.roster.service.control.ServiceState;
import dev.roster.service.control.Services;
import dev.roster.tenant.boundary.TenantJson;
import dev.roster.tenant.control.Tenants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling tenant's own information ({@code info}, {@code details}), as in the seed document. */
@RequestScoped
@Path("v1/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Tenant information")
public class ProvisioningInfoResource {

    @Inject
    Tenants tenants;

    @Inject
    DomainMappings mappings;

    @Inject
    ServiceEndpoints endpoints;

    @Inject
    Services services;

    @Inject
    RequestHost host;

    @Inject
    Caller caller;

    @GET
    @Path("info")
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getInfo", summary = "Tenant main config and services", description = "Any role of the "
            + "tenant. Through one of the tenant's mapped domains, the mapping's icon and theme show over the tenant's.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TenantInfo")))
    public TenantInfoView.Info info() {
        var tenant = tenants.current();
        return branded(TenantInfoView.Info.from(tenant, switchedOn(tenant.id())));
    }

    @PUT
    @Path("info")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateInfo", summary = "Update icon, theme and name", description = "Role: ADMINISTRATOR. Only `icon`, `theme` "
            + "and `name` change; sending another value for `label` or `active` is a 400.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TenantInfo")))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TenantInfoInput"),
            examples = @ExampleObject(name = "brand",
            value = "{\"name\": \"Mobilitus\", \"icon\": \"mobilitus.png\", \"theme\": \"dark\"}")))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TenantInfoView.Info updateInfo(JsonObject body) {
        var tenant = tenants.updateInfo(TenantJson.read(body));
        return branded(TenantInfoView.Info.from(tenant, switchedOn(tenant.id())));
    }

    @GET
    @Path("details")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getDetails", summary = "Complete tenant details and services", description = "Roles: ADMINISTRATOR, "
            + "INTERNAL_AUDITING. All information except user privileges.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TenantDetails")))
    public TenantInfoView.Details details() {
        var tenant = tenants.current();
        return TenantInfoView.Details.from(tenant, switchedOn(tenant.id()),
                endpoints.ofTenant(tenant.id()).stream().map(ServiceEndpointView::from).toList(),
                mappings.ofTenant(tenant.id()).stream().map(DomainMappingView::from).toList());
    }

    private List<ServiceView> switchedOn(String tenantId) {
        return services.of(tenantId).stream().filter(ServiceState::enabled).map(ServiceView::of).toList();
    }

    /** Through one of the tenant's mapped domains, that mapping's icon and theme show. */
    private TenantInfoView.Info branded(TenantInfoView.Info info) {
        return host.mapping().filter(m -> m.tenantId().equals(caller.tenant().id()))
                .map(m -> info.branded(m.icon(), m.theme())).orElse(info);
    }
}
