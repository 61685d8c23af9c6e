package dev.roster.directory.boundary;

import dev.roster.caller.Roles;
import dev.roster.directory.boundary.DirectoryViews.OrganizationView;
import dev.roster.directory.boundary.DirectoryViews.MemberView;
import dev.roster.directory.control.Organizations;
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

/** The tenant's organizations (AppXite's customers) and their members. */
@RequestScoped
@Path("v1/provisioning/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Organizations")
public class OrganizationsResource {

    static final String EXAMPLE = "{\"name\": \"Cooori Reykjavik\", \"externalId\": \"crm-4711\", "
            + "\"parentId\": null}";
    static final String READERS_DESCRIPTION = "Roles: ADMINISTRATOR, INTERNAL_AUDITING.";

    @Inject
    Organizations organizations;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listOrganizations", summary = "List organizations", description = READERS_DESCRIPTION
            + " Ordered by name; `q` keeps those whose name starts with it, in any case.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "OrganizationPage")))
    public Page<OrganizationView> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                @QueryParam("q") String q) {
        return organizations.list(PageRequest.of(page, size), q).map(OrganizationView::from);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "createOrganization", summary = "Create an organization", description = "Role: "
            + "ADMINISTRATOR. `name` is required; `parentId` places it under another organization of the tenant.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrganizationInput"),
            examples = @ExampleObject(name = "organization", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "Organization")))
    public Response create(JsonObject body) {
        OrganizationView organization = OrganizationView.from(
                organizations.create(DirectoryViews.organization(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(organization.id()).build())
                .entity(organization).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getOrganization", summary = "Read an organization", description = READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "Organization")))
    public OrganizationView get(@PathParam("id") String id) {
        return OrganizationView.from(organizations.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateOrganization", summary = "Update an organization", description = "Role: "
            + "ADMINISTRATOR. Changes the fields present; `null` clears `externalId` or `parentId`. A parent must be "
            + "another organization of the tenant, not one below this one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrganizationInput"),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"Cooori Akureyri\"}")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(ref = "Organization")))
    public OrganizationView update(@PathParam("id") String id, JsonObject body) {
        return OrganizationView.from(organizations.update(id, DirectoryViews.organization(body)));
    }

    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deleteOrganization", summary = "Delete an organization", description = "Role: "
            + "ADMINISTRATOR. Its members lose the membership; the users stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The organization has child organizations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("id") String id) {
        organizations.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/users")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listOrganizationUsers", summary = "List an organization's users",
            description = READERS_DESCRIPTION + " Ordered by username; `totalElements` is its member count.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "MemberPage")))
    public Page<MemberView> members(@PathParam("id") String id, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return organizations.members(id, PageRequest.of(page, size)).map(MemberView::from);
    }

    @PUT
    @Path("{id}/users/{username}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "addOrganizationUser", summary = "Add a user to an organization", description = "Role: "
            + "ADMINISTRATOR. Idempotent: a user who is a member already stays one. No body.")
    @APIResponse(responseCode = "204", description = "The user is a member")
    public Response addMember(@PathParam("id") String id, @PathParam("username") String username) {
        organizations.addMember(id, username);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/users/{username}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "removeOrganizationUser", summary = "Remove a user from an organization",
            description = "Role: ADMINISTRATOR.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such organization or user, or the user is not a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response removeMember(@PathParam("id") String id, @PathParam("username") String username) {
        organizations.removeMember(id, username);
        return Response.noContent().build();
    }
}
