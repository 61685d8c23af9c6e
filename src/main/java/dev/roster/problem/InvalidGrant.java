package dev.roster.problem;

/**
 * 400 {@code invalid_grant} / {@code invalid_request} / {@code unsupported_grant_type} on the token endpoint
 * (RFC 6749 section 5.2), as a problem that also carries the OAuth {@code error} members.
 */
public final class InvalidGrant extends RosterException {
    public InvalidGrant(String oauthError, String detail) {
        super(400, "token-request-refused", "Token request refused", detail, null, oauthError);
    }
}
