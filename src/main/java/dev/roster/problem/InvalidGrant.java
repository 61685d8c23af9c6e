package dev.roster.problem;

/**
 * 400 {@code invalid_grant} / {@code invalid_request} / {@code unsupported_grant_type} on the token endpoint
 * (RFC 6749 section 5.2).
 */
public final class InvalidGrant extends TokenRefused {
    public InvalidGrant(String oauthError, String detail) {
        super(400, oauthError, detail);
    }
}
