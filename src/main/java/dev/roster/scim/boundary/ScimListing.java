package dev.roster.scim.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.platform.Slice;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.PreconditionFailed;
import dev.roster.user.control.Users;
import java.util.List;

/** A list request's parameters (RFC 7644 sections 3.4.2 and 3.4.3) and its ListResponse. */
final class ScimListing {

    static final int DEFAULT_COUNT = 100;
    /** The most resources one page holds ({@code filter.maxResults} in {@code /ServiceProviderConfig}). */
    static final int MAX_COUNT = 1000;

    private ScimListing() {
    }

    /**
     * {@code startIndex} from 1 (a smaller one is 1), {@code count} from 0 (a negative one is 0, a larger one than
     * {@link #MAX_COUNT} is that), {@code sortOrder} ascending or descending.
     */
    record Query(String filter, String startIndex, String count, String sortBy, String sortOrder, String attributes,
                 String excludedAttributes) {

        /** A SearchRequest body's parameters (POST {@code .search}). */
        static Query of(ObjectNode body) {
            return new Query(text(body, "filter"), text(body, "startIndex"), text(body, "count"),
                    text(body, "sortBy"), text(body, "sortOrder"), joined(body, "attributes"),
                    joined(body, "excludedAttributes"));
        }

        long offset() {
            return Math.max(1, number("startIndex", startIndex, 1)) - 1;
        }

        int limit() {
            return (int) Math.min(MAX_COUNT, Math.max(0, number("count", count, DEFAULT_COUNT)));
        }

        boolean descending() {
            if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
                return false;
            }
            if (sortOrder.equalsIgnoreCase("descending")) {
                return true;
            }
            throw new InvalidInput("sortOrder", "is ascending or descending");
        }

        List<String> attributeList() {
            return ScimJson.names(attributes);
        }

        List<String> excludedList() {
            return ScimJson.names(excludedAttributes);
        }

        boolean wants(String attribute) {
            return ScimJson.wants(attribute, attributeList(), excludedList());
        }

        ObjectNode project(ObjectNode resource) {
            return attributeList().isEmpty() && excludedList().isEmpty() ? resource
                    : ScimJson.project(resource, attributeList(), excludedList());
        }

        private static long number(String name, String value, long fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput(name, "must be a whole number");
            }
        }

        private static String text(ObjectNode body, String name) {
            JsonNode value = body.get(name);
            return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : fail(name);
        }

        private static String joined(ObjectNode body, String name) {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                return fail(name);
            }
            StringBuilder joined = new StringBuilder();
            value.forEach(v -> joined.append(joined.isEmpty() ? "" : ",").append(ScimJson.text(v, name)));
            return joined.toString();
        }

        private static String fail(String name) {
            throw new InvalidInput(name, "has the wrong type");
        }
    }

    /** A ListResponse of these resources, the slice's part of all that matched. */
    static ObjectNode page(Slice<?> slice, List<ObjectNode> resources) {
        ObjectNode page = ScimJson.NODES.objectNode();
        page.set("schemas", ScimJson.schemas(ScimJson.LIST_SCHEMA));
        page.put("totalResults", slice.total());
        page.put("startIndex", slice.offset() + 1);
        page.put("itemsPerPage", resources.size());
        page.putArray("Resources").addAll(resources);
        return page;
    }

    /** Whether an {@code If-Match} or {@code If-None-Match} list names this entity tag (weak or strong) or is *. */
    static boolean matches(String header, String etag) {
        return Users.matches(header, etag);
    }

    /** A 412 unless {@code ifMatch} (when given) names the {@code what}'s current entity tag. */
    static void requireMatch(String ifMatch, String etag, String what) {
        if (ifMatch != null && !matches(ifMatch, etag)) {
            throw new PreconditionFailed("If-Match " + ifMatch + " does not match the current entity tag " + etag
                    + "; read the " + what + " again");
        }
    }

}
