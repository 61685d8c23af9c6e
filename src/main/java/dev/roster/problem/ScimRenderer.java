package dev.roster.problem;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * RFC 7644 section 3.12: {@code schemas} (the Error message URN), {@code status} as a string, {@code scimType}
 * where the RFC defines one for the failure, and {@code detail}.
 */
final class ScimRenderer implements ErrorRenderer {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    @Override
    public String mediaType() {
        return "application/scim+json";
    }

    @Override
    public JsonObject body(RosterException failure, String path, String requestId) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("schemas", JSON.createArrayBuilder().add(ERROR_SCHEMA))
                .add("status", Integer.toString(failure.status()));
        String scimType = scimType(failure);
        if (scimType != null) {
            error.add("scimType", scimType);
        }
        return error.add("detail", failure.detail()).build();
    }

    /** RFC 7644 table 9, by kind of failure. */
    static String scimType(RosterException failure) {
        return switch (failure.slug()) {
            case Conflict.NOT_UNIQUE -> "uniqueness";
            case InvalidInput.MALFORMED -> "invalidSyntax";
            case InvalidInput.INVALID -> "invalidValue";
            case InvalidInput.FILTER -> "invalidFilter";
            case InvalidInput.PATH -> "invalidPath";
            case InvalidInput.IMMUTABLE -> "mutability";
            case InvalidInput.NO_TARGET -> "noTarget";
            default -> null;
        };
    }
}
