package dev.roster.privilege.boundary;

import dev.roster.caller.Roles;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.privilege.entity.Privilege;
import dev.roster.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /users/{username}/privileges}: every privilege of a user, of any role (system or the tenant's own) and
 * scope, each with its own window; and granting another.
 */
@RequestScoped
@Path("v1/provisioning/users/{username}/privileges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Privileges")
@APIResponse(responseCode = "404", description = "No such user within the caller's reach",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
public class UserPrivilegesResource {

    static final String COVER = "{\"role\": \"ADMINISTRATOR\", \"activeFrom\": \"2026-12-01T00:00:00Z\", "
            + "\"activeUntil\": \"2026-12-08T00:00:00Z\"}";

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listUserPrivileges", summary = "List a user's privileges", description = "Any role, within its reach. "
            + "Every privilege, effective or not; `effective` tells.")
    @APIResponse(responseCode = "200", description = "The privileges",
            content = @Content(schema = @Schema(ref = "PrivilegeList")))
    public List<PrivilegeView> list(@PathParam("username") String username) {
        Map<String, String> names = roles.names();
        return privileges.ofUser(username).stream().map(p -> PrivilegeView.from(p, names)).toList();
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "grantPrivilege", summary = "Grant a privilege", description = "Role: ADMINISTRATOR. `role` is "
            + "any role of the tenant, by id or name; `scope` (optional) an application it applies to; a window "
            + "(null: open). Only unscoped system roles grant anything in this API; a user with several effective "
            + "ones may do what any of them allows. At most one privilege per role and scope.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PrivilegeInput"),
            examples = @ExampleObject(name = "a week of cover as administrator", value = COVER)))
    @APIResponse(responseCode = "201", description = "Granted",
            content = @Content(schema = @Schema(ref = "Privilege")))
    @APIResponse(responseCode = "400", description = "Unknown role, bad dates, or a window that ends before it starts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The user already holds that role for that scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response grant(@PathParam("username") String username, JsonObject body) {
        Privilege granted = privileges.grant(username, PrivilegeInput.read(body));
        return Response.created(uri.getBaseUriBuilder().path("v1/provisioning/privileges/{id}").build(granted.id()))
                .entity(PrivilegeView.from(granted, roles.names())).build();
    }
}
