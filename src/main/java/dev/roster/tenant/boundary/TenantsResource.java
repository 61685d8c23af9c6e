package dev.roster.tenant.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Problem;
import dev.roster.service.boundary.ServiceView;
import dev.roster.service.control.Services;
import dev.roster.tenant.control.Tenants;
import dev.roster.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform operator's tenant administration. */
@RequestScoped
@Path("v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
@Tag(ref = "Tenants")
public class TenantsResource {

    @Inject
    Tenants tenants;

    @Inject
    Services services;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(operationId = "createTenant", summary = "Create a tenant", description = "Role: PLATFORM_OPERATOR. `label` is a unique slug that "
            + "never changes; `name` is required; a new tenant is active unless `active` is false.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TenantInput"),
            examples = @ExampleObject(name = "tenant",
            value = "{\"label\": \"mobilitus\", \"name\": \"Mobilitus\", \"icon\": \"mobilitus.png\", \"theme\": null}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The label is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(JsonObject body) {
        Tenant tenant = tenants.create(TenantJson.read(body));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(tenant.label()).build())
                .entity(TenantView.from(tenant)).build();
    }

    @GET
    @Operation(operationId = "listTenants", summary = "List tenants", description = "Role: PLATFORM_OPERATOR. Ordered by label.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TenantPage")))
    public Page<TenantView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return tenants.list(PageRequest.of(page, size)).map(TenantView::from);
    }

    @GET
    @Path("{label}")
    @Operation(operationId = "getTenant", summary = "Read a tenant", description = "Role: PLATFORM_OPERATOR.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TenantView get(@PathParam("label") String label) {
        return TenantView.from(tenants.get(label));
    }

    @PUT
    @Path("{label}")
    @Operation(operationId = "updateTenant", summary = "Update, suspend or reactivate a tenant", description = "Role: PLATFORM_OPERATOR. "
            + "Changes the fields present: `name`, `icon`, `theme`, `active` (false suspends: the tenant's users "
            + "get no tokens and their tokens stop working; true reactivates). `label` cannot change.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TenantInput"),
            examples = @ExampleObject(name = "suspend", value = "{\"active\": false}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TenantView update(@PathParam("label") String label, JsonObject body) {
        return TenantView.from(tenants.update(label, TenantJson.read(body)));
    }

    @GET
    @Path("{label}/services")
    @Operation(operationId = "listTenantServices", summary = "A tenant's services", description = "Role: "
            + "PLATFORM_OPERATOR. Every service of the catalog and whether the tenant has it switched on.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ServiceList")))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<ServiceView> services(@PathParam("label") String label) {
        return services.of(tenants.get(label).id()).stream().map(ServiceView::of).toList();
    }

    @PUT
    @Path("{label}/services/{service}")
    @Operation(operationId = "switchTenantService", summary = "Switch a service on or off for a tenant",
            description = "Role: PLATFORM_OPERATOR. `{\"enabled\": false}` closes the service to the tenant's "
                    + "credentials (403 naming the service); `true` opens it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceSwitch"),
            examples = @ExampleObject(name = "switch on", value = "{\"enabled\": true}")))
    @APIResponse(responseCode = "200", description = "Switched", content = @Content(schema = @Schema(ref = "Service")))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such tenant or service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ServiceView switchService(@PathParam("label") String label, @PathParam("service") String service,
                                     JsonObject body) {
        return ServiceView.of(services.switchTo(tenants.get(label).id(), service, ServiceView.enabled(body)));
    }
}
