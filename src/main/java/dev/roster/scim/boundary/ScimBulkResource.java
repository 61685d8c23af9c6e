package dev.roster.scim.boundary;

import static dev.roster.scim.boundary.ScimJson.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.roster.caller.Roles;
import dev.roster.platform.RequestId;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.problem.Protocol;
import dev.roster.problem.RosterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SCIM Bulk (RFC 7644 section 3.7): up to {@link #MAX_OPERATIONS} operations on users and groups in one request,
 * applied in order, each on its own (one that fails leaves the others as they are), until {@code failOnErrors}
 * operations have failed. A {@code bulkId} names what an earlier POST created, and {@code bulkId:<id>} in a later
 * operation's path or data stands for its id.
 */
@RequestScoped
@Path("v2/Bulk")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(ref = "SCIM")
public class ScimBulkResource {

    static final int MAX_OPERATIONS = 1000;
    private static final Logger LOG = Logger.getLogger(ScimBulkResource.class.getName());
    private static final Pattern TARGET = Pattern.compile("^/(Users|Groups)(?:/([^/]+))?$");
    private static final Pattern REFERENCE = Pattern.compile("bulkId:([A-Za-z0-9._~-]+)");

    @Inject
    ScimUsersResource users;

    @Inject
    ScimGroupsResource groups;

    @Inject
    RequestId requestId;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "scimBulk", summary = "SCIM: many operations in one request", description =
            ScimUsersResource.ROLES + "`Operations` (at most 1,000; the body at most 1 MiB) with `method` (POST, PUT, "
            + "PATCH, DELETE), `path` (`/Users`, `/Users/{id}`, `/Groups`, `/Groups/{id}`), `bulkId` for a POST, "
            + "`version` (as If-Match) and `data`. Each operation commits on its own, in order; `failOnErrors` "
            + "stops after that many failures. The answer lists each operation's `status`, `location` and, when it "
            + "failed, the SCIM error as `response`.")
    @RequestBody(content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimBulkRequest")))
    @APIResponse(responseCode = "200", description = "What became of each operation",
            content = @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(ref = "ScimBulkResponse")))
    public Response bulk(InputStream body) {
        ObjectNode request = ScimJson.read(body);
        JsonNode operations = request.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new InvalidInput("Operations", "must be a non-empty array of operations");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new InvalidInput("Operations", "holds more than " + MAX_OPERATIONS + " operations");
        }
        JsonNode limit = request.get("failOnErrors");
        if (limit != null && !limit.isNull() && (!limit.canConvertToInt() || limit.asInt() < 1)) {
            throw new InvalidInput("failOnErrors", "must be a whole number of 1 or more");
        }
        int failOnErrors = limit == null || limit.isNull() ? Integer.MAX_VALUE : limit.asInt();
        URI base = uri.getBaseUri();
        Map<String, String> created = new HashMap<>();
        ArrayNode results = NODES.arrayNode();
        int failures = 0;
        for (JsonNode operation : operations) {
            ObjectNode result = results.addObject();
            try {
                apply(operation, base, created, result);
            } catch (RosterException failure) {
                failures++;
                failed(result, failure);
            } catch (RuntimeException unexpected) {
                failures++;
                LOG.log(Level.WARNING, "a SCIM bulk operation failed unexpectedly (request "
                        + requestId.value() + ")", unexpected);
                result.put("status", "500").set("response", NODES.objectNode().set("schemas",
                        ScimJson.schemas("urn:ietf:params:scim:api:messages:2.0:Error")));
                ((ObjectNode) result.get("response")).put("status", "500")
                        .put("detail", "the operation failed unexpectedly; request " + requestId.value());
            }
            if (failures >= failOnErrors) {
                break;
            }
        }
        ObjectNode answer = NODES.objectNode();
        answer.set("schemas", ScimJson.schemas(ScimJson.BULK_RESPONSE));
        answer.set("Operations", results);
        return ScimJson.answer(Response.Status.OK, answer, null, null);
    }

    private void apply(JsonNode operation, URI base, Map<String, String> created, ObjectNode result) {
        if (!operation.isObject()) {
            throw new InvalidInput("Operations", "each operation must be an object");
        }
        String method = ScimJson.text(operation.get("method"), "method");
        String bulkId = ScimJson.text(operation.get("bulkId"), "bulkId");
        String path = ScimJson.text(operation.get("path"), "path");
        String version = ScimJson.text(operation.get("version"), "version");
        result.put("method", method == null ? "" : method);
        if (bulkId != null) {
            result.put("bulkId", bulkId);
        }
        if (version != null) {
            result.put("version", version);
        }
        if (method == null || path == null) {
            throw new InvalidInput("Operations", "each operation needs a method and a path");
        }
        method = method.toUpperCase(Locale.ROOT);
        Matcher target = TARGET.matcher(resolve(path, created));
        if (!target.matches()) {
            throw InvalidInput.path("path", path + " is not /Users, /Users/{id}, /Groups or /Groups/{id}");
        }
        boolean user = target.group(1).equals("Users");
        String id = target.group(2);
        if (method.equals("POST") == (id != null)) {
            throw InvalidInput.path("path", method + " takes " + (id == null ? "/" + target.group(1) + "/{id}"
                    : "/" + target.group(1)));
        }
        ObjectNode data = method.equals("DELETE") ? null : data(operation.get("data"), created);
        if (method.equals("POST") && bulkId == null) {
            throw new InvalidInput("bulkId", "is required of a POST");
        }
        Response response = switch (method) {
            case "POST" -> user ? users.create(data, base) : groups.create(data, base);
            case "PUT" -> user ? users.replace(id, data, version, base) : groups.replace(id, data, version, base);
            case "PATCH" -> user ? users.patch(id, data, version, base) : groups.patch(id, data, null, version, base);
            case "DELETE" -> user ? users.remove(id, version) : groups.remove(id, version);
            default -> throw new InvalidInput("method", "is POST, PUT, PATCH or DELETE");
        };
        result.put("status", Integer.toString(response.getStatus()));
        if (response.getEntityTag() != null) {
            result.put("version", response.getEntityTag().toString());
        }
        String resourceId = id;
        if (response.getEntity() instanceof String text) {
            try {
                JsonNode written = ScimJson.MAPPER.readTree(text);
                resourceId = written.path("id").asText(id);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a SCIM answer is not JSON", e);
            }
        }
        if (method.equals("POST")) {
            created.put(bulkId, resourceId);
        }
        if (resourceId != null && !method.equals("DELETE")) {
            result.put("location", base.resolve("v2/" + target.group(1) + "/" + resourceId).toString());
        }
    }

    /** {@code data} with every {@code bulkId:<id>} of an earlier POST replaced by what it created. */
    private static ObjectNode data(JsonNode data, Map<String, String> created) {
        if (data == null || !data.isObject()) {
            throw new InvalidInput("data", "must be an object");
        }
        ObjectNode copy = data.deepCopy();
        replace(copy, created);
        return copy;
    }

    private static void replace(JsonNode node, Map<String, String> created) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(resolve(field.getValue().asText(), created)));
                } else {
                    replace(field.getValue(), created);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(resolve(array.get(i).asText(), created)));
                } else {
                    replace(array.get(i), created);
                }
            }
        }
    }

    private static String resolve(String text, Map<String, String> created) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String id = created.get(reference.group(1));
            if (id == null) {
                throw new NotFound("bulkId:" + reference.group(1) + " names no resource an earlier operation of "
                        + "this request created");
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        reference.appendTail(out);
        return out.toString();
    }

    private void failed(ObjectNode result, RosterException failure) {
        result.put("status", Integer.toString(failure.status()));
        try {
            result.set("response", ScimJson.MAPPER.readTree(Protocol.SCIM.renderer()
                    .body(failure, uri.getPath(), requestId.value()).toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SCIM error is not JSON", e);
        }
    }

}
