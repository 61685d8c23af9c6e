package dev.roster.provisioning.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.Problem;
import dev.roster.provisioning.control.Provisioning;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed's {@code /users} paths. */
@RequestScoped
@Path("v1/provisioning/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Users")
public class UsersResource {

    static final String SEED_USER = "{\"username\": \"mobdev\", \"email\": \"tenant+mobilitus@activitystream.com\", "
            + "\"firstName\": \"Mobilitus\", \"lastName\": \"Tickets\", \"timeZone\": null, \"country\": \"ISL\", "
            + "\"zipCode\": \"108\", \"avatar\": \"\", \"gender\": \"M\", \"birthYear\": null, "
            + "\"tenantUserPrivileges\": [{\"role\": \"ADMINISTRATOR\", \"activeFrom\": \"2014-08-20T17:44:33Z\", "
            + "\"activeUntil\": null}]}";

    @Inject
    Users users;

    @Inject
    Provisioning provisioning;

    @Inject
    UserViews views;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listUsers", summary = "List active users, or search them with q", description = "Any role; each sees the users "
            + "its role reaches (USER itself, TEAM_LEADER its direct reports, MANAGEMENT everyone below it, "
            + "ADMINISTRATOR and INTERNAL_AUDITING everyone). Active users are those holding a privilege effective "
            + "now, ordered by username. `q` is a case-insensitive prefix of username, email, first or last name (a "
            + "whole e-mail finds its user); its matches are ordered by the text that matched (then username before "
            + "email before first and last name, then by username), each user once, so an exact match comes first. "
            + "A search's total is exact while no one of the four has more than 100 matches; past that "
            + "`totalExact` is false and `totalElements` a lower bound that counts at least one match past the page "
            + "whenever there is one. `orgUserId` instead finds the users with exactly that organization-assigned "
            + "id (Kore.ai's), whatever their status.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "UserPage")))
    @APIResponse(responseCode = "400", description = "Bad page, size or q",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<UserView> list(@QueryParam("page") String page,
                               @QueryParam("size") String size,
                               @Parameter(description = "prefix to search for") @QueryParam("q") String q,
                               @Parameter(description = "an exact organization-assigned id; not with q")
                               @QueryParam("orgUserId") String orgUserId) {
        boolean byOrgUserId = orgUserId != null && !orgUserId.isEmpty();
        if (byOrgUserId && q != null && !q.isEmpty()) {
            throw new InvalidInput("q", "cannot be combined with orgUserId, which finds users by an exact id");
        }
        Page<User> found = byOrgUserId ? users.withOrgUserId(PageRequest.of(page, size), orgUserId)
                : users.active(PageRequest.of(page, size), q);
        return new Page<>(views.of(found.content()), found.page(), found.size(), found.totalElements(),
                found.totalPages(), found.totalExact());
    }

    @GET
    @Path("{username}")
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getUser", summary = "Get a single user", description = "Any role, within its reach. A de-provisioned user is "
            + "still returned, with no privileges. The ETag header is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "404", description = "No such user within the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response get(@PathParam("username") String username) {
        User user = users.visible(username);
        return Response.ok(views.of(user)).header(HttpHeaders.ETAG, Users.etag(user)).build();
    }

    @PUT
    @Path("{username}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "putUser", summary = "Create or update a single user", description = "Role: ADMINISTRATOR. Creates the user "
            + "(201; `email` required) or updates it (200). Only the fields in the body change, `null` clears one. "
            + "`password` is write-only. `manager` is a username of the tenant. `status` may be ACTIVE or SUSPENDED. "
            + "`tenantUserPrivileges` makes the user's privileges exactly those listed, `[]` revokes them all. Send `If-Match` with "
            + "the ETag of a GET to refuse the change (412) if someone changed the user since.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserInput"),
            examples = @ExampleObject(name = "seed user", value = SEED_USER)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The e-mail address belongs to another user of the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = "If-Match does not match the user's current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response put(@PathParam("username") String username, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        JsonObject body) {
        Users.Saved saved = provisioning.put(username, UserJson.read(username, body), ifMatch);
        User user = saved.user();
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uriInfo.getAbsolutePath()) : Response.ok();
        return response.entity(views.of(user)).header(HttpHeaders.ETAG, Users.etag(user)).build();
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{username}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deprovisionUser", summary = "Revoke all privileges of the user in the tenant", description = "Role: ADMINISTRATOR. "
            + "De-provisions: the user leaves the active list and its tokens stop working; the record and its "
            + "history stay, and granting a privilege again restores it. Repeating it is harmless.")
    @APIResponse(responseCode = "204", description = "De-provisioned")
    @APIResponse(responseCode = "409", description = "The user is the tenant's last administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("username") String username) {
        provisioning.deprovision(username);
        return Response.noContent().build();
    }
}
