package dev.roster.problem;

import java.util.Map;

/** 401 {@code invalid_client} on the token endpoint (RFC 6749 section 5.2): the client credentials are wrong. */
public final class InvalidClient extends TokenRefused {
    public InvalidClient(String detail) {
        super(401, "invalid_client", detail);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", "Basic realm=\"roster\"");
    }
}
