package dev.roster.scim.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.caller.Roles;
import dev.roster.platform.Criteria;
import dev.roster.platform.Slice;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.PreconditionFailed;
import dev.roster.provisioning.control.ProvisionCommand;
import dev.roster.provisioning.control.Provisioning;
import dev.roster.user.control.UserSearch;
import dev.roster.user.entity.User;
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
 * SCIM Users (RFC 7644 section 3) over Roster's users of the caller's tenant, through the same controls as every
 * other protocol. DELETE de-provisions: the user loses its privileges and is {@code active: false}, and stays
 * readable and filterable, as Okta and Entra ID expect of a user they deactivated.
 */
@RequestScoped
@Path("v2/Users")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(ref = "SCIM")
public class ScimUsersResource {

    static final String ROLES = "Role: ADMINISTRATOR (a Roster token, or an API key's secret as the Bearer secret). ";

    @Inject
    ScimUsers scim;

    @Inject
    UserSearch search;

    @Inject
    Provisioning provisioning;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimListUsers", summary = "SCIM: list or filter users", description = ROLES
            + "`filter` takes RFC 7644's whole grammar (`eq`, `ne`, `co`, `sw`, `ew`, `pr`, `gt`, `ge`, `lt`, `le`, "
            + "`and`, `or`, `not`, grouping, value paths such as `emails[type eq \"work\"].value`), run as one SQL "
            + "query; `sortBy` (`userName`, `emails.value`, `name.givenName`, `name.familyName`, `displayName`, "
            + "`externalId`, `meta.created`, `meta.lastModified`, `id`) and `sortOrder`; `startIndex` (from 1) and "
            + "`count` (default 100, at most 1000; 0 answers `totalResults` only); `attributes` and "
            + "`excludedAttributes`.")
    @APIResponse(responseCode = "200", description = "A page of users",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimListResponse")))
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                         @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                         @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                         @QueryParam("excludedAttributes") String excluded) {
        return list(new ScimListing.Query(filter, startIndex, count, sortBy, sortOrder, attributes, excluded));
    }

    @POST
    @Path(".search")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimSearchUsers", summary = "SCIM: search users (POST)", description = ROLES
            + "The same as `GET /Users`, with the parameters in a SearchRequest body (RFC 7644 section 3.4.3).")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimSearchRequest")))
    @APIResponse(responseCode = "200", description = "A page of users",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimListResponse")))
    public Response searchByPost(InputStream body) {
        return list(ScimListing.Query.of(ScimJson.read(body)));
    }

    private Response list(ScimListing.Query query) {
        Criteria criteria = ScimFilter.users(query.filter());
        String orderBy = query.sortBy() == null ? null : ScimFilter.userField(query.sortBy());
        if (query.sortBy() != null && orderBy == null) {
            throw new InvalidInput("sortBy", "cannot sort by " + query.sortBy());
        }
        Slice<User> found = search.matching(criteria, orderBy, query.descending(), query.offset(), query.limit());
        URI base = uri.getBaseUri();
        List<ObjectNode> resources = scim.render(found.items(), base, query.wants("groups"), query.wants("roles"))
                .stream().map(query::project).toList();
        return ScimJson.answer(Response.Status.OK, ScimListing.page(found, resources), null, null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimGetUser", summary = "SCIM: read a user", description = ROLES
            + "A de-provisioned user is still read, with `active: false`. `If-None-Match` with its `ETag` answers 304.")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimUser")))
    @APIResponse(responseCode = "304", description = "Not modified since the entity tag in If-None-Match")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        User user = scim.find(id);
        String etag = ScimUsers.etag(user);
        if (ifNoneMatch != null && ScimListing.matches(ifNoneMatch, etag)) {
            return Response.notModified().tag(EntityTag.valueOf(etag)).build();
        }
        ScimListing.Query query = new ScimListing.Query(null, null, null, null, null, attributes, excluded);
        ObjectNode node = scim.render(List.of(user), uri.getBaseUri(), query.wants("groups"), query.wants("roles"))
                .get(0);
        return ScimJson.answer(Response.Status.OK, query.project(node), etag, null);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimCreateUser", summary = "SCIM: create a user", description = ROLES
            + "`userName` is required; the e-mail address is the primary one of `emails` (else the work one, else "
            + "the first), or `userName` when that is an address. `roles` (role ids or names) become tenant-wide "
            + "privileges; `groups` are read-only and ignored. A `userName` or address the tenant has is a 409 "
            + "with `scimType: uniqueness`.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimUser")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimUser")))
    public Response create(InputStream body) {
        return create(ScimJson.read(body), uri.getBaseUri());
    }

    Response create(ObjectNode node, URI base) {
        ProvisionCommand command = scim.command(node, null, null);
        String userName = node.get("userName").asText().strip();
        User created = provisioning.create(userName, command).user();
        return written(Response.Status.CREATED, created.id(), base);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimReplaceUser", summary = "SCIM: replace a user", description = ROLES
            + "Every SCIM attribute left out is cleared, but for the e-mail address (Roster needs one), `roles` (kept, "
            + "so that a PUT without them revokes no privilege) and `password`; `userName` "
            + "cannot change. `active: false` de-provisions, `true` restores. `If-Match` guards against lost updates.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimUser")))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimUser")))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimError")))
    public Response replace(@PathParam("id") String id, InputStream body,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return replace(id, ScimJson.read(body), ifMatch, uri.getBaseUri());
    }

    Response replace(String id, ObjectNode node, String ifMatch, URI base) {
        User user = scim.find(id);
        ProvisionCommand command = scim.command(node, null, user);
        provisioning.put(user.username(), command, ifMatch);
        return written(Response.Status.OK, id, base);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimPatchUser", summary = "SCIM: change a user", description = ROLES
            + "A PatchOp: `add`, `replace` and `remove` in any case, with paths, value filters "
            + "(`emails[type eq \"work\"].value`) or without a path; dotted and URN-qualified keys of a path-less "
            + "value, and booleans as strings (`\"False\"`), as Entra ID sends them. `active: false` de-provisions.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimPatchOp")))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimUser")))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimError")))
    public Response patch(@PathParam("id") String id, InputStream body,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return patch(id, ScimJson.read(body), ifMatch, uri.getBaseUri());
    }

    Response patch(String id, ObjectNode body, String ifMatch, URI base) {
        for (int attempt = 1; ; attempt++) {
            User user = scim.find(id);
            ObjectNode before = scim.render(user, base);
            ObjectNode after = ScimPatch.apply(before, body);
            ScimJson.canonical(after, ScimUsers.CANONICAL);
            Set<String> changed = ScimUsers.changed(before, after);
            if (!changed.isEmpty()) {
                try {
                    provisioning.put(user.username(), scim.command(after, changed, user),
                            ifMatch != null ? ifMatch : ScimUsers.etag(user));
                } catch (PreconditionFailed lost) {
                    if (ifMatch != null || attempt >= 3) {
                        throw lost;
                    }
                    continue; // another request changed the user between the read and the write: patch it again
                }
            }
            return written(Response.Status.OK, id, base);
        }
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimDeleteUser", summary = "SCIM: de-provision a user", description = ROLES
            + "De-provisions the user (its privileges are revoked and its tokens stop working); the user stays, "
            + "readable with `active: false`, and a PATCH or PUT with `active: true` restores it. The tenant keeps "
            + "an administrator: de-provisioning its last one is a 409.")
    @APIResponse(responseCode = "204", description = "De-provisioned")
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimError")))
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return remove(id, ifMatch);
    }

    Response remove(String id, String ifMatch) {
        User user = scim.find(id);
        ScimListing.requireMatch(ifMatch, ScimUsers.etag(user), "user");
        provisioning.deprovision(user.username());
        return Response.noContent().build();
    }

    /** The user as it is now, after a write that committed. */
    private Response written(Response.Status status, String id, URI base) {
        User user = scim.find(id);
        return ScimJson.answer(status, scim.render(user, base), ScimUsers.etag(user),
                status == Response.Status.CREATED ? ScimUsers.location(base, user) : null);
    }
}
