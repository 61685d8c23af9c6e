package dev.roster.problem;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * RFC 9457 {@code application/problem+json}: {@code type} (a URN per kind of failure), {@code title},
 * {@code status}, {@code detail}, {@code instance}, and Roster's members {@code requestId} and {@code errors}
 * (one per offending field).
 */
final class ProblemRenderer implements ErrorRenderer {

    @Override
    public String mediaType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public JsonObject body(RosterException failure, String path, String requestId) {
        return problem(failure, path, requestId).build();
    }

    static JsonObjectBuilder problem(RosterException failure, String path, String requestId) {
        JsonObjectBuilder problem = JSON.createObjectBuilder().add("type", Problem.type(failure.slug()))
                .add("title", failure.title()).add("status", failure.status()).add("detail", failure.detail());
        if (path != null) {
            problem.add("instance", path);
        }
        if (requestId != null) {
            problem.add("requestId", requestId);
        }
        if (!failure.fields().isEmpty()) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            failure.fields().forEach(f -> errors.add(JSON.createObjectBuilder().add("field", f.field())
                    .add("message", f.message())));
            problem.add("errors", errors);
        }
        return problem;
    }
}
