package dev.roster.problem;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.json.JsonObject;

/**
 * The Aisera-style paths' errors. Seed 000 shows no error body, so Roster answers a flat object a script can
 * read without knowing RFC 9457: {@code status} (the HTTP status), {@code error} (its title), {@code message}
 * (what is wrong) and {@code requestId}.
 */
final class AiseraRenderer implements ErrorRenderer {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public JsonObject body(RosterException failure, String path, String requestId) {
        return JSON.createObjectBuilder().add("status", failure.status()).add("error", failure.title())
                .add("message", failure.detail()).add("requestId", requestId == null ? "" : requestId).build();
    }
}
