package dev.roster.scim.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.roster.problem.InvalidInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SCIM PATCH (RFC 7644 section 3.5.2) of a user, applied by the kept SCIM library to the user's SCIM resource, with
 * what Entra ID sends made regular first: an operation without a path whose value names attributes by dotted or
 * URN-qualified paths ({@code name.givenName}, the enterprise extension's {@code employeeNumber}) becomes one
 * operation per path, and an {@code add} to a value-filtered sub-attribute that has a value replaces it (a
 * {@code replace} of one that has none adds it).
 */
final class ScimPatch {

    static final int MAX_OPERATIONS = 1000;

    private ScimPatch() {
    }

    /** {@code resource} with the request's operations applied, in order; the resource itself is left as it was. */
    static ObjectNode apply(ObjectNode resource, ObjectNode body) {
        ObjectNode patched = resource.deepCopy();
        for (PatchOperation operation : operations(body)) {
            try {
                operation.apply(patched);
            } catch (ScimException e) {
                PatchOperation other = counterpart(operation);
                if (other == null) {
                    throw ScimJson.failure(e, "Operations");
                }
                try {
                    other.apply(patched);
                } catch (ScimException again) {
                    throw ScimJson.failure(e, "Operations");
                }
            }
        }
        return patched;
    }

    /** The request's operations, each path-less one split by the paths its value names. */
    static List<PatchOperation> operations(ObjectNode body) {
        JsonNode listed = body.get("Operations");
        if (listed == null) {
            listed = body.get("operations");
        }
        if (listed == null || !listed.isArray() || listed.isEmpty()) {
            throw new InvalidInput("Operations", "must be a non-empty array of operations");
        }
        if (listed.size() > MAX_OPERATIONS) {
            throw new InvalidInput("Operations", "holds more than " + MAX_OPERATIONS + " operations");
        }
        ArrayNode expanded = ScimJson.NODES.arrayNode();
        for (JsonNode operation : listed) {
            if (!operation.isObject()) {
                throw new InvalidInput("Operations", "each operation must be an object");
            }
            expanded.addAll(expand((ObjectNode) operation));
        }
        ObjectNode request = body.deepCopy();
        request.remove("operations");
        request.set("Operations", expanded);
        try {
            PatchRequest parsed = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(request);
            return parsed.getOperations();
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInput.malformed("is not a SCIM PatchOp (RFC 7644 section 3.5.2): each operation has an op, "
                    + "and the path and value that op takes"); // the library's message may quote a value
        }
    }

    private static List<ObjectNode> expand(ObjectNode operation) {
        JsonNode op = operation.get("op");
        if (op == null || !op.isTextual() || !List.of("add", "replace", "remove")
                .contains(op.asText().toLowerCase(Locale.ROOT))) {
            throw InvalidInput.malformed("op: each operation's op is add, replace or remove");
        }
        JsonNode path = operation.get("path");
        if (path != null && !path.isNull()) {
            if (!path.isTextual()) {
                throw InvalidInput.path("path", "must be a string");
            }
            try {
                Path.fromString(path.asText());
            } catch (ScimException e) {
                throw InvalidInput.path("path", path.asText() + " is not an attribute path: "
                        + ScimFilter.plain(e.getMessage()));
            }
        }
        JsonNode value = operation.get("value");
        if ((path != null && !path.isNull() && !path.asText().isBlank()) || value == null || !value.isObject()) {
            return List.of(operation);
        }
        List<ObjectNode> split = new ArrayList<>();
        ObjectNode rest = ScimJson.NODES.objectNode();
        value.fields().forEachRemaining(field -> {
            String name = field.getKey();
            boolean extension = name.equalsIgnoreCase(ScimJson.ENTERPRISE);
            if (!extension && (name.toLowerCase(Locale.ROOT).startsWith("urn:") || name.contains("."))) {
                split.add(operation.deepCopy().put("path", name).set("value", field.getValue()));
            } else {
                rest.set(name, field.getValue());
            }
        });
        if (!rest.isEmpty()) {
            split.add(0, operation.deepCopy().set("value", rest));
        }
        return split;
    }

    /** For an add or replace of a value-filtered sub-attribute, the other of the two; else null. */
    private static PatchOperation counterpart(PatchOperation operation) {
        Path path = operation.getPath();
        if (path == null || path.size() < 2 || path.getElement(0).getValueFilter() == null) {
            return null;
        }
        PatchOpType type = operation.getOpType();
        if (type != PatchOpType.ADD && type != PatchOpType.REPLACE) {
            return null;
        }
        return PatchOperation.create(type == PatchOpType.ADD ? PatchOpType.REPLACE : PatchOpType.ADD, path,
                operation.getJsonNode());
    }

}
