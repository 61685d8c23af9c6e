package dev.roster.privilege.boundary;

import dev.roster.caller.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /users/{username}/privilege} (003 Privileges): the user's tenant-wide system role, that is its unscoped
 * privileges of system roles. Other privileges are at {@code /users/{username}/privileges}.
 */
@RequestScoped
@Path("v1/provisioning/users/{username}/privilege")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Privileges")
@APIResponse(responseCode = "404", description = "No such user (or privilege) within the caller's reach",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
public class UserPrivilegeResource {

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @GET
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getUserPrivilege", summary = "Get a user's tenant-wide role", description = "Any role, within its "
            + "reach. The strongest unscoped system privilege effective now, or else the one that starts next.")
    @APIResponse(responseCode = "200", description = "The privilege",
            content = @Content(schema = @Schema(ref = "Privilege")))
    public PrivilegeView get(@PathParam("username") String username) {
        return PrivilegeView.from(privileges.tenantRole(username), roles.names());
    }

    @PUT
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "putUserPrivilege", summary = "Set the user's tenant-wide role", description = "Role: ADMINISTRATOR. `role` is "
            + "a system role (USER, TEAM_LEADER, MANAGEMENT, ADMINISTRATOR, INTERNAL_AUDITING, by id or display name); "
            + "`activeFrom`/`activeUntil` bound when it grants anything (null: open). It becomes the user's only "
            + "unscoped system privilege; scoped privileges and tenant roles stay. A de-provisioned user becomes "
            + "active again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PrivilegeInput"),
            examples = @ExampleObject(name = "seed privilege", value = PrivilegesResource.SEED_PRIVILEGE)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(ref = "Privilege")))
    @APIResponse(responseCode = "201", description = "Granted",
            content = @Content(schema = @Schema(ref = "Privilege")))
    @APIResponse(responseCode = "400", description = "Unknown role, bad dates, or a window that ends before it starts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The user is the tenant's last administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response put(@PathParam("username") String username, JsonObject body) {
        Privileges.Saved saved = privileges.putTenantRole(username, PrivilegeInput.read(body));
        return Response.status(saved.created() ? 201 : 200)
                .entity(PrivilegeView.from(saved.privilege(), roles.names())).build();
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "revokeUserPrivilege", summary = "Revoke the user's tenant-wide role", description = "Role: ADMINISTRATOR. "
            + "Revokes every unscoped system privilege of the user.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "The user is the tenant's last administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("username") String username) {
        privileges.revokeTenantRole(username);
        return Response.noContent().build();
    }
}
