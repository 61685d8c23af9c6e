package dev.roster.problem;

import jakarta.json.JsonObject;

/**
 * The token endpoint's errors: a problem document that also carries RFC 6749 section 5.2's {@code error} and
 * {@code error_description}, so both OAuth clients and problem readers understand it. A failure that names no
 * OAuth error code gets {@code invalid_client} for 401, {@code temporarily_unavailable} for 429 (too many failed
 * attempts), {@code server_error} for 5xx and {@code invalid_request} otherwise.
 */
final class OAuthRenderer implements ErrorRenderer {

    @Override
    public String mediaType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public JsonObject body(RosterException failure, String path, String requestId) {
        return ProblemRenderer.problem(failure, path, requestId).add("error", code(failure))
                .add("error_description", failure.detail()).build();
    }

    static String code(RosterException failure) {
        if (failure instanceof TokenRefused refused) {
            return refused.oauthError();
        }
        return switch (failure.status()) {
            case 401 -> "invalid_client";
            case 429 -> "temporarily_unavailable";
            default -> failure.status() >= 500 ? "server_error" : "invalid_request";
        };
    }
}
