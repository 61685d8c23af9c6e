package dev.roster.directory.boundary;

import dev.roster.caller.Roles;
import dev.roster.directory.boundary.DirectoryViews.GroupView;
import dev.roster.directory.boundary.DirectoryViews.MemberView;
import dev.roster.directory.control.Groups;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's groups and their members. */
@RequestScoped
@Path("v1/provisioning/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Groups")
public class GroupsResource {

    static final String EXAMPLE = "{\"displayName\": \"Box office\", \"description\": \"Sells tickets at the door\", "
            + "\"externalId\": \"okta-00g1box\"}";
    static final String READERS_DESCRIPTION = "Roles: ADMINISTRATOR, INTERNAL_AUDITING.";

    @Inject
    Groups groups;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listGroups", summary = "List groups", description = READERS_DESCRIPTION
            + " Ordered by display name; `q` keeps those whose display name starts with it, in any case.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "GroupPage")))
    public Page<GroupView> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                @QueryParam("q") String q) {
        return groups.list(PageRequest.of(page, size), q).map(GroupView::from);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "createGroup", summary = "Create a group", description = "Role: ADMINISTRATOR. "
            + "`displayName` is required and unique in the tenant regardless of case.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupInput"),
            examples = @ExampleObject(name = "group", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "Group")))
    @APIResponse(responseCode = "409", description = "The tenant has a group of that name already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(JsonObject body) {
        GroupView group = GroupView.from(groups.create(DirectoryViews.group(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(group.id()).build()).entity(group).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getGroup", summary = "Read a group", description = READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "Group")))
    public GroupView get(@PathParam("id") String id) {
        return GroupView.from(groups.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateGroup", summary = "Update a group", description = "Role: ADMINISTRATOR. "
            + "Changes the fields present; `null` clears `description` or `externalId`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupInput"),
            examples = @ExampleObject(name = "rename", value = "{\"displayName\": \"Front of house\"}")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(ref = "Group")))
    @APIResponse(responseCode = "409", description = "The tenant has a group of that name already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public GroupView update(@PathParam("id") String id, JsonObject body) {
        return GroupView.from(groups.update(id, DirectoryViews.group(body)));
    }

    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deleteGroup", summary = "Delete a group", description = "Role: ADMINISTRATOR. "
            + "Its members lose the membership; the users stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        groups.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listGroupMembers", summary = "List a group's members", description =
            READERS_DESCRIPTION + " Ordered by username; `totalElements` is the group's member count.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "MemberPage")))
    public Page<MemberView> members(@PathParam("id") String id, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return groups.members(id, PageRequest.of(page, size)).map(MemberView::from);
    }

    @PUT
    @Path("{id}/members/{username}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "addGroupMember", summary = "Add a user to a group", description = "Role: "
            + "ADMINISTRATOR. Idempotent: a user who is a member already stays one. No body.")
    @APIResponse(responseCode = "204", description = "The user is a member")
    public Response addMember(@PathParam("id") String id, @PathParam("username") String username) {
        groups.addMember(id, username);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/members/{username}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "removeGroupMember", summary = "Remove a user from a group",
            description = "Role: ADMINISTRATOR.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such group or user, or the user is not a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response removeMember(@PathParam("id") String id, @PathParam("username") String username) {
        groups.removeMember(id, username);
        return Response.noContent().build();
    }
}
