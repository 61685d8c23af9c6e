package dev.roster.scim.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.roster.platform.LimitedInput;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.RosterException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM's wire format: {@code application/scim+json} bodies read into Jackson trees (the kept SCIM library works on
 * those) and written from them, the RFC 7643 schema URNs, and the library's failures as Roster's.
 */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    /** The largest body of one request; {@code /ServiceProviderConfig} says so too. */
    static final int MAX_BODY = 1 << 20;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

    private ScimJson() {
    }

    /** A body that must be one JSON object, of at most {@link #MAX_BODY} bytes. */
    static ObjectNode read(InputStream body) {
        if (body == null) {
            throw InvalidInput.malformed("the body is empty; send a JSON object");
        }
        JsonNode node;
        try (InputStream in = new LimitedInput(body, MAX_BODY)) {
            node = MAPPER.readTree(in);
        } catch (JsonProcessingException e) { // where, not what: the parser's message may quote a secret of the body
            throw InvalidInput.malformed("is not JSON, or repeats a key, at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw InvalidInput.malformed("could not be read");
        }
        if (node == null || node.isMissingNode()) {
            throw InvalidInput.malformed("the body is empty; send a JSON object");
        }
        if (!node.isObject()) {
            throw InvalidInput.malformed("must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** An answer with a SCIM body, its entity tag and location when given. */
    static Response answer(Response.Status status, JsonNode body, String etag, URI location) {
        Response.ResponseBuilder answer = Response.status(status).type(MEDIA_TYPE).entity(body.toString());
        if (etag != null) {
            answer.tag(EntityTag.valueOf(etag));
        }
        if (location != null) {
            answer.location(location);
        }
        return answer.build();
    }

    /** A failure of the SCIM library in Roster's terms, keeping its {@code scimType}. */
    static RosterException failure(ScimException e, String field) {
        String scimType = e.getScimError() == null ? null : e.getScimError().getScimType();
        String detail = e.getMessage() == null ? "cannot be applied" : e.getMessage();
        if (scimType == null) {
            return new InvalidInput(field, detail);
        }
        return switch (scimType) {
            case "invalidFilter" -> InvalidInput.filter(detail);
            case "invalidPath" -> InvalidInput.path(field, detail);
            case "noTarget" -> InvalidInput.noTarget(field, detail);
            case "mutability" -> InvalidInput.immutable(field, detail);
            case "invalidSyntax" -> InvalidInput.malformed(detail);
            default -> new InvalidInput(field, detail);
        };
    }

    /** A text, or null for a missing or null node; any other JSON is refused. */
    static String text(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInput(field, "must be a string");
        }
        return node.asText();
    }

    /** A boolean, also written as a string {@code "True"} or {@code "false"} (as Entra ID sends them). */
    static Boolean flag(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && List.of("true", "false").contains(node.asText().strip().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(node.asText().strip());
        }
        throw new InvalidInput(field, "must be true or false");
    }

    static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw InvalidInput.filter(field + " takes a date and time as in RFC 3339, such as "
                        + "\"2026-11-30T12:00:00Z\"");
            }
        }
    }

    static ArrayNode schemas(String... urns) {
        ArrayNode schemas = NODES.arrayNode();
        for (String urn : urns) {
            schemas.add(urn);
        }
        return schemas;
    }

    /** {@code meta} of a resource. */
    static ObjectNode meta(String resourceType, Instant created, Instant lastModified, URI location, String version) {
        return NODES.objectNode().put("resourceType", resourceType).put("created", created.toString())
                .put("lastModified", lastModified.toString()).put("location", location.toString())
                .put("version", version);
    }

    /**
     * Renames the keys of {@code node} (and of the objects in it) that match one of {@code canonical} regardless of
     * case to their canonical spelling: attribute names are case-insensitive (RFC 7643 section 2.1).
     */
    static void canonical(JsonNode node, Map<String, String> canonical) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> canonical(element, canonical));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> names = iterate(object.fieldNames());
        for (String name : names) {
            String wanted = canonical.get(name.toLowerCase(Locale.ROOT));
            JsonNode value = object.get(name);
            if (wanted != null && !wanted.equals(name)) { // written in another case: it is the newer value
                object.remove(name);
                object.set(wanted, value);
            }
            canonical(value, canonical);
        }
    }

    /**
     * The attributes of {@code full} a client asks for (RFC 7644 section 3.4.2.5): only those named in
     * {@code attributes} (with {@code schemas} and {@code id}, always returned), else all but those named in
     * {@code excluded}. A name is an attribute ({@code emails}), a sub-attribute ({@code name.givenName}), either
     * qualified by its schema's URN, or an extension's URN (all of it).
     */
    static ObjectNode project(ObjectNode full, List<String> attributes, List<String> excluded) {
        if (!attributes.isEmpty()) {
            ObjectNode kept = NODES.objectNode();
            kept.set("schemas", full.get("schemas"));
            kept.set("id", full.get("id"));
            for (String attribute : attributes) {
                copy(full, kept, attribute);
            }
            return kept;
        }
        ObjectNode kept = full.deepCopy();
        for (String attribute : excluded) {
            String[] where = locate(attribute);
            JsonNode parent = where[1] == null ? kept : field(kept, where[0]);
            String last = where[1] == null ? where[0] : where[1];
            if (parent instanceof ObjectNode object && !List.of("schemas", "id").contains(last)) {
                String name = where[1] == null ? where[0] : where[1];
                findField(object, name).ifPresent(object::remove);
            }
        }
        return kept;
    }

    /** Whether a projection asks for a top-level attribute (to leave out what costs a query when it does not). */
    static boolean wants(String attribute, List<String> attributes, List<String> excluded) {
        if (!attributes.isEmpty()) {
            return attributes.stream().map(a -> locate(a)[0]).anyMatch(attribute::equalsIgnoreCase);
        }
        return excluded.stream().noneMatch(a -> locate(a)[1] == null && locate(a)[0].equalsIgnoreCase(attribute));
    }

    /** Splits a comma-separated list of attribute names. */
    static List<String> names(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** An attribute name as {top-level key, sub-attribute or null}, schema URNs resolved. */
    private static String[] locate(String attribute) {
        String name = attribute.strip();
        for (String core : List.of(USER_SCHEMA, GROUP_SCHEMA)) {
            if (name.regionMatches(true, 0, core + ":", 0, core.length() + 1)) {
                name = name.substring(core.length() + 1);
            }
        }
        if (name.equalsIgnoreCase(ENTERPRISE)) {
            return new String[] {ENTERPRISE, null};
        }
        if (name.regionMatches(true, 0, ENTERPRISE + ":", 0, ENTERPRISE.length() + 1)) {
            String rest = name.substring(ENTERPRISE.length() + 1);
            int dot = rest.indexOf('.');
            return new String[] {ENTERPRISE, dot < 0 ? rest : rest.substring(0, dot)};
        }
        int dot = name.indexOf('.');
        return dot < 0 ? new String[] {name, null} : new String[] {name.substring(0, dot), name.substring(dot + 1)};
    }

    private static void copy(ObjectNode full, ObjectNode kept, String attribute) {
        String[] where = locate(attribute);
        Optional<String> top = findField(full, where[0]);
        if (top.isEmpty()) {
            return;
        }
        JsonNode value = full.get(top.get());
        if (where[1] == null || !value.isContainerNode()) {
            kept.set(top.get(), value);
            return;
        }
        if (value.isObject()) {
            findField((ObjectNode) value, where[1]).ifPresent(sub -> {
                JsonNode target = kept.get(top.get());
                ObjectNode into = target instanceof ObjectNode object ? object : kept.putObject(top.get());
                into.set(sub, value.get(sub));
            });
        } else {
            ArrayNode values = NODES.arrayNode();
            for (JsonNode element : value) {
                ObjectNode picked = NODES.objectNode();
                if (element.isObject()) {
                    findField((ObjectNode) element, where[1]).ifPresent(sub -> picked.set(sub, element.get(sub)));
                }
                values.add(picked);
            }
            kept.set(top.get(), values);
        }
        if (where[0].equals(ENTERPRISE)) {
            kept.set("schemas", full.get("schemas"));
        }
    }

    private static JsonNode field(ObjectNode node, String name) {
        return findField(node, name).map(node::get).orElse(null);
    }

    private static Optional<String> findField(ObjectNode node, String name) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
