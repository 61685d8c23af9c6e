package dev.roster.scim.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.caller.Roles;
import dev.roster.directory.control.GroupCommand;
import dev.roster.directory.control.Groups;
import dev.roster.directory.entity.Group;
import dev.roster.platform.Slice;
import dev.roster.problem.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SCIM Groups (RFC 7644 section 3) over Roster's groups of the caller's tenant. Members are users, by id. A
 * group's members are listed only when asked for: Entra ID reads groups with {@code excludedAttributes=members}.
 */
@RequestScoped
@Path("v2/Groups")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(ref = "SCIM")
public class ScimGroupsResource {

    @Inject
    Groups groups;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimListGroups", summary = "SCIM: list or filter groups", description =
            ScimUsersResource.ROLES + "`filter` on `displayName`, `externalId`, `id`, `members.value` and `meta`; "
            + "paging, sorting and `attributes`/`excludedAttributes` as for users.")
    @APIResponse(responseCode = "200", description = "A page of groups",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimListResponse")))
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                         @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                         @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                         @QueryParam("excludedAttributes") String excluded) {
        ScimListing.Query query = new ScimListing.Query(filter, startIndex, count, sortBy, sortOrder, attributes,
                excluded);
        String orderBy = query.sortBy() == null ? null : ScimFilter.groupField(query.sortBy());
        if (query.sortBy() != null && orderBy == null) {
            throw new InvalidInput("sortBy", "cannot sort by " + query.sortBy());
        }
        Slice<Group> found = groups.matching(ScimFilter.groups(query.filter()), orderBy, query.descending(),
                query.offset(), query.limit());
        URI base = uri.getBaseUri();
        boolean members = query.wants("members");
        List<ObjectNode> resources = found.items().stream().map(g -> query.project(ScimGroups.render(g, base,
                members ? groups.memberRefs(g) : null))).toList();
        return ScimJson.answer(Response.Status.OK, ScimListing.page(found, resources), null, null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimGetGroup", summary = "SCIM: read a group", description = ScimUsersResource.ROLES
            + "With every member unless `excludedAttributes=members`. `If-None-Match` with its `ETag` answers 304.")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimGroup")))
    @APIResponse(responseCode = "304", description = "Not modified since the entity tag in If-None-Match")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Group group = groups.get(id);
        if (ifNoneMatch != null && ScimListing.matches(ifNoneMatch, Groups.etag(group))) {
            return Response.notModified().tag(EntityTag.valueOf(Groups.etag(group))).build();
        }
        ScimListing.Query query = new ScimListing.Query(null, null, null, null, null, attributes, excluded);
        ObjectNode node = ScimGroups.render(group, uri.getBaseUri(),
                query.wants("members") ? groups.memberRefs(group) : null);
        return ScimJson.answer(Response.Status.OK, query.project(node), Groups.etag(group), null);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimCreateGroup", summary = "SCIM: create a group", description = ScimUsersResource.ROLES
            + "`displayName` (unique in the tenant regardless of case: a 409 with `scimType: uniqueness` otherwise), "
            + "`externalId`, and `members` by user id.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimGroup")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimGroup")))
    public Response create(InputStream body) {
        return create(ScimJson.read(body), uri.getBaseUri());
    }

    Response create(ObjectNode node, URI base) {
        ScimGroups.Written written = ScimGroups.read(node);
        Group group = groups.create(written.command(), written.members());
        return written(Response.Status.CREATED, group.id(), base);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimReplaceGroup", summary = "SCIM: replace a group", description =
            ScimUsersResource.ROLES + "Its name, external id and exact members.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimGroup")))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimGroup")))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimError")))
    public Response replace(@PathParam("id") String id, InputStream body,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return replace(id, ScimJson.read(body), ifMatch, uri.getBaseUri());
    }

    Response replace(String id, ObjectNode node, String ifMatch, URI base) {
        ScimGroups.Written written = ScimGroups.read(node);
        groups.change(id, written.command(), new Groups.MemberChange(written.members(), Set.of(), Set.of()), ifMatch);
        return written(Response.Status.OK, id, base);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimPatchGroup", summary = "SCIM: change a group", description = ScimUsersResource.ROLES
            + "Renames, `externalId`, and members added and removed by id (`members` with a value, or "
            + "`members[value eq \"<id>\"]`), in one transaction. Answers 204, or 200 with the group when "
            + "`attributes` asks for some.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimPatchOp")))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "200", description = "Changed, with the attributes asked for",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimGroup")))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimError")))
    public Response patch(@PathParam("id") String id, InputStream body, @QueryParam("attributes") String attributes,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return patch(id, ScimJson.read(body), attributes, ifMatch, uri.getBaseUri());
    }

    Response patch(String id, ObjectNode body, String attributes, String ifMatch, URI base) {
        ScimGroups.Patch patch = ScimGroups.patch(body);
        GroupCommand command = patch.command();
        groups.change(id, command, patch.members(), ifMatch);
        if (attributes == null || attributes.isBlank()) {
            Group group = groups.get(id);
            return Response.noContent().tag(EntityTag.valueOf(Groups.etag(group))).build();
        }
        Group group = groups.get(id);
        ScimListing.Query query = new ScimListing.Query(null, null, null, null, null, attributes, null);
        ObjectNode node = ScimGroups.render(group, base, query.wants("members") ? groups.memberRefs(group) : null);
        return ScimJson.answer(Response.Status.OK, query.project(node), Groups.etag(group), null);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimDeleteGroup", summary = "SCIM: delete a group", description = ScimUsersResource.ROLES
            + "The group and its memberships go; its users stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimError")))
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return remove(id, ifMatch);
    }

    Response remove(String id, String ifMatch) {
        Group group = groups.get(id);
        ScimListing.requireMatch(ifMatch, Groups.etag(group), "group");
        groups.delete(id);
        return Response.noContent().build();
    }

    private Response written(Response.Status status, String id, URI base) {
        Group group = groups.get(id);
        return ScimJson.answer(status, ScimGroups.render(group, base, groups.memberRefs(group)), Groups.etag(group),
                status == Response.Status.CREATED ? ScimGroups.location(base, group) : null);
    }
}
