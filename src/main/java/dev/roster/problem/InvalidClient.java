package dev.roster.problem;

/** 401 {@code invalid_client} on the token endpoint (RFC 6749 section 5.2): the client credentials are wrong. */
public final class InvalidClient extends RosterException {
    public InvalidClient(String detail) {
        super(401, "token-request-refused", "Token request refused", detail, null, "invalid_client");
    }
}
