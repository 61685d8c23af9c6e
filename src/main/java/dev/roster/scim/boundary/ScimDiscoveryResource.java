package dev.roster.scim.boundary;

import static dev.roster.scim.boundary.ScimJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import dev.roster.caller.Roles;
import dev.roster.platform.Slice;
import dev.roster.problem.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.beans.IntrospectionException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What this SCIM service provider supports (RFC 7644 section 4): its configuration, its two resource types and their
 * schemas, which list only the attributes Roster keeps.
 */
@RequestScoped
@Path("v2")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(ref = "SCIM")
public class ScimDiscoveryResource {

    static final String CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    /** The core User attributes Roster keeps (no ims, photos, entitlements, x509Certificates or profileUrl). */
    static final Set<String> USER_ATTRIBUTES = Set.of("userName", "name", "displayName", "nickName", "title",
            "userType", "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers",
            "addresses", "groups", "roles");
    static final List<SchemaResource> SCHEMAS = schemas();

    @Context
    UriInfo uri;

    @GET
    @Path("ServiceProviderConfig")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimServiceProviderConfig", summary = "SCIM: what this service provider supports")
    @APIResponse(responseCode = "200", description = "The configuration",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimResource")))
    public Response configuration() {
        ObjectNode config = NODES.objectNode();
        config.set("schemas", ScimJson.schemas(CONFIG_SCHEMA));
        config.put("documentationUri", uri.getBaseUri().resolve("/openapi").toString());
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", true).put("maxOperations", ScimBulkResource.MAX_OPERATIONS)
                .put("maxPayloadSize", ScimJson.MAX_BODY);
        config.putObject("filter").put("supported", true).put("maxResults", ScimListing.MAX_COUNT);
        config.putObject("changePassword").put("supported", true);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "Bearer token or API key")
                .put("description", "A token from POST /api/v1/provisioning/token, or the secret of an API key of a "
                        + "tenant administrator, as Authorization: Bearer <secret>").put("primary", true);
        config.set("meta", NODES.objectNode().put("resourceType", "ServiceProviderConfig")
                .put("location", base().resolve("v2/ServiceProviderConfig").toString()));
        return ScimJson.answer(Response.Status.OK, config, null, null);
    }

    @GET
    @Path("ResourceTypes")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimResourceTypes", summary = "SCIM: the resource types (User, Group)")
    @APIResponse(responseCode = "200", description = "The resource types",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimListResponse")))
    public Response resourceTypes() {
        List<ObjectNode> types = List.of(describe("User"), describe("Group"));
        return ScimJson.answer(Response.Status.OK, ScimListing.page(new Slice<>(types, 0, types.size()), types),
                null, null);
    }

    @GET
    @Path("ResourceTypes/{name}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimResourceType", summary = "SCIM: one resource type")
    @APIResponse(responseCode = "200", description = "The resource type",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimResource")))
    public Response resourceType(@PathParam("name") String name) {
        if (!name.equals("User") && !name.equals("Group")) {
            throw new NotFound("the resource types are User and Group");
        }
        return ScimJson.answer(Response.Status.OK, describe(name), null, null);
    }

    @GET
    @Path("Schemas")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimSchemas", summary = "SCIM: the schemas, with the attributes Roster keeps")
    @APIResponse(responseCode = "200", description = "The schemas",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimListResponse")))
    public Response schemaList() {
        List<ObjectNode> schemas = SCHEMAS.stream().map(this::schema).toList();
        return ScimJson.answer(Response.Status.OK, ScimListing.page(new Slice<>(schemas, 0, schemas.size()), schemas),
                null, null);
    }

    @GET
    @Path("Schemas/{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimSchema", summary = "SCIM: one schema")
    @APIResponse(responseCode = "200", description = "The schema",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimResource")))
    public Response schemaById(@PathParam("id") String id) {
        return ScimJson.answer(Response.Status.OK, SCHEMAS.stream().filter(s -> s.getId().equals(id)).findFirst()
                .map(this::schema).orElseThrow(() -> new NotFound("there is no schema " + id)), null, null);
    }

    private URI base() {
        return uri.getBaseUri();
    }

    private ObjectNode describe(String name) {
        ObjectNode type = NODES.objectNode();
        type.set("schemas", ScimJson.schemas(RESOURCE_TYPE_SCHEMA));
        type.put("id", name).put("name", name).put("endpoint", "/" + name + "s")
                .put("description", name.equals("User") ? "A user of the tenant" : "A group of the tenant's users")
                .put("schema", name.equals("User") ? ScimJson.USER_SCHEMA : ScimJson.GROUP_SCHEMA);
        if (name.equals("User")) {
            type.putArray("schemaExtensions").addObject().put("schema", ScimJson.ENTERPRISE).put("required", false);
        }
        type.set("meta", NODES.objectNode().put("resourceType", "ResourceType")
                .put("location", base().resolve("v2/ResourceTypes/" + name).toString()));
        return type;
    }

    private ObjectNode schema(SchemaResource schema) {
        ObjectNode node = JsonUtils.valueToNode(schema);
        node.set("meta", NODES.objectNode().put("resourceType", "Schema")
                .put("location", base().resolve("v2/Schemas/" + schema.getId()).toString()));
        return node;
    }

    private static List<SchemaResource> schemas() {
        try {
            SchemaResource user = SchemaUtils.getSchema(UserResource.class);
            List<AttributeDefinition> kept = new ArrayList<>(user.getAttributes().stream()
                    .filter(a -> USER_ATTRIBUTES.contains(a.getName())).toList());
            return List.of(new SchemaResource(user.getId(), user.getName(), user.getDescription(), kept),
                    SchemaUtils.getSchema(EnterpriseUserExtension.class), SchemaUtils.getSchema(GroupResource.class));
        } catch (IntrospectionException e) {
            throw new IllegalStateException("the SCIM library's schemas cannot be read", e);
        }
    }

}
