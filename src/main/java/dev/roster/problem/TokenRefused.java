package dev.roster.problem;

/** The token endpoint refuses a request, with the RFC 6749 section 5.2 error code that says why. */
public class TokenRefused extends RosterException {

    private final String oauthError;

    protected TokenRefused(int status, String oauthError, String detail) {
        super(status, "token-request-refused", "Token request refused", detail);
        this.oauthError = oauthError;
    }

    public String oauthError() {
        return oauthError;
    }
}
