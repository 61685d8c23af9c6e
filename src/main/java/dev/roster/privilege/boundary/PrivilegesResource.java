package dev.roster.privilege.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /privileges} and {@code /privileges/{id}}. */
@RequestScoped
@Path("v1/provisioning/privileges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Privileges")
public class PrivilegesResource {

    static final String SEED_PRIVILEGE = "{\"role\": \"ADMINISTRATOR\", \"activeFrom\": \"2014-09-09T13:49:29Z\", "
            + "\"activeUntil\": null}";

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @GET
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listPrivileges", summary = "List all privileges", description = "Any role, within its reach: every privilege "
            + "(effective, not yet started, or ended; `effective` tells) of the users the caller may see, ordered by "
            + "username; `role` (an id or name) and `scope` narrow the list.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PrivilegePage")))
    @APIResponse(responseCode = "400", description = "An unknown role, or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<PrivilegeView> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                    @Parameter(description = "only privileges of this role (its id or name)") @QueryParam("role") String role,
                                    @Parameter(description = "only privileges for this scope (an application id)") @QueryParam("scope") String scope) {
        Map<String, String> names = roles.names();
        return privileges.list(PageRequest.of(page, size), role, scope).map(p -> PrivilegeView.from(p, names));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getPrivilege", summary = "Get a privilege", description = "Any role, within its reach. `id` is the privilege's id; "
            + "a username is accepted too, as in the seed's example `/privileges/{username}`.")
    @APIResponse(responseCode = "200", description = "The privilege",
            content = @Content(schema = @Schema(ref = "Privilege")))
    @APIResponse(responseCode = "404", description = "No such privilege within the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PrivilegeView get(@PathParam("id") String id) {
        return PrivilegeView.from(privileges.byId(id), roles.names());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updatePrivilege", summary = "Update a privilege", description = "Role: ADMINISTRATOR. Replaces role, scope and "
            + "window; `activeUntil` must be later than `activeFrom`. A user holds one privilege per role and scope.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PrivilegeInput"),
            examples = @ExampleObject(name = "seed privilege", value = SEED_PRIVILEGE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "Privilege")))
    @APIResponse(responseCode = "400", description = "Unknown role, bad dates, or a window that ends before it starts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such privilege",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The user holds another privilege of that role and scope, or it is the tenant's last administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PrivilegeView put(@PathParam("id") String id, JsonObject body) {
        return PrivilegeView.from(privileges.putById(id, PrivilegeInput.read(body)), roles.names());
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "revokePrivilege", summary = "Revoke a privilege", description = "Role: ADMINISTRATOR.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such privilege",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("id") String id) {
        privileges.revokeById(id);
        return Response.noContent().build();
    }
}
