package dev.roster.privilege.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.privilege.control.RoleCommand;
import dev.roster.privilege.control.RoleRef;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /roles}: the tenant's roles, the five system roles and those it defines. A role is addressed by its id or
 * its name.
 */
@RequestScoped
@Path("v1/provisioning/roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Roles")
public class RolesResource {

    static final String HELP_DESK = "{\"name\": \"Help Desk Agent\", \"weight\": 5, "
            + "\"description\": \"Answers tickets in the help desk application\"}";
    static final Set<String> FIELDS = Set.of("name", "weight", "description");
    static final Set<String> READ_ONLY = Set.of("id", "system");

    @Inject
    RoleCatalog roles;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listRoles", summary = "List the tenant's roles", description = "Any role. The five system roles "
            + "(`system: true`, strongest first), then the tenant's own by weight and name.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "RolePage")))
    public Page<RoleRef> list(@QueryParam("page") String page,
                              @QueryParam("size") String size) {
        return roles.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING,
            Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getRole", summary = "Get a role", description = "Any role. By id or name, any case.")
    @APIResponse(responseCode = "200", description = "The role", content = @Content(schema = @Schema(ref = "Role")))
    @APIResponse(responseCode = "404", description = "No such role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RoleRef get(@PathParam("id") String id) {
        return roles.named(id);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "createRole", summary = "Define a role", description = "Role: ADMINISTRATOR. `name` (unique in the "
            + "tenant, any case, and not a system role's), `weight` (a whole number, default 0), `description`. A "
            + "tenant's roles are granted like any other, for its applications; they grant nothing in this API.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RoleInput"),
            examples = @ExampleObject(name = "a help desk role", value = HELP_DESK)))
    @APIResponse(responseCode = "201", description = "Defined", content = @Content(schema = @Schema(ref = "Role")))
    @APIResponse(responseCode = "400", description = "A missing or too long name, a weight that is not a whole number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(JsonObject body) {
        RoleRef created = roles.create(command(body));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateRole", summary = "Change a role", description = "Role: ADMINISTRATOR. Replaces name, weight "
            + "and description of a tenant role; system roles are fixed (409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RoleInput"),
            examples = @ExampleObject(name = "a help desk role", value = HELP_DESK)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(ref = "Role")))
    @APIResponse(responseCode = "400", description = "A missing or too long name, a weight that is not a whole number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "A system role, or the name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RoleRef update(@PathParam("id") String id, JsonObject body) {
        return roles.update(id, command(body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deleteRole", summary = "Delete a role", description = "Role: ADMINISTRATOR. Only a tenant role "
            + "that nobody holds; a held one is a 409 that says how many hold it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "A system role, or users hold it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("id") String id) {
        roles.delete(id);
        return Response.noContent().build();
    }

    /** The native API's role body: {@code name} (required), {@code weight} (default 0), {@code description}. */
    static RoleCommand command(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!FIELDS.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a role; fields are name, weight, description");
            }
        }
        String name = in.requiredString("name", 100);
        if (name != null && name.isBlank()) {
            in.fail("name", "must not be blank");
        }
        Integer weight = in.integer("weight", -1_000_000, 1_000_000);
        String description = in.string("description", 1000);
        in.check();
        return new RoleCommand(name, weight == null ? 0 : weight, description);
    }
}
