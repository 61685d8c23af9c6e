package dev.roster.problem;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The Kore.ai-style paths' errors, in the shape seed 002 gives a failed user's {@code reason}: {@code errors}, a
 * list of {@code {msg, code}}, one per offending field (or one for the whole request), plus {@code requestId}.
 */
final class KoreRenderer implements ErrorRenderer {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public JsonObject body(RosterException failure, String path, String requestId) {
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        if (failure.fields().isEmpty()) {
            errors.add(JSON.createObjectBuilder().add("msg", failure.detail()).add("code", failure.status()));
        } else {
            failure.fields().forEach(f -> errors.add(JSON.createObjectBuilder()
                    .add("msg", f.field() + ": " + f.message()).add("code", failure.status())));
        }
        return JSON.createObjectBuilder().add("errors", errors).add("requestId", requestId == null ? "" : requestId)
                .build();
    }
}
