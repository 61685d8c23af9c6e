package dev.roster.problem;

/**
 * The protocols Roster speaks, told apart by the path a request is for; each writes failures in its own shape.
 */
public enum Protocol {

    /** Roster's own API and everything else: RFC 9457 problem documents. */
    NATIVE(new ProblemRenderer()),
    /** {@code POST /api/v1/provisioning/token}: a problem document that is also an RFC 6749 section 5.2 error. */
    TOKEN(new OAuthRenderer()),
    /** {@code /scim/v2}: RFC 7644 section 3.12 errors. */
    SCIM(new ScimRenderer()),
    /** The Aisera-style paths (seed 000): {@code /scim/provision-user}, {@code /scim/update-user/…}, … */
    AISERA(new AiseraRenderer()),
    /** The Kore.ai-style paths (seed 002): {@code /api/public/…}. */
    KORE(new KoreRenderer());

    static final String TOKEN_PATH = "/api/v1/provisioning/token";

    private final ErrorRenderer renderer;

    Protocol(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    public ErrorRenderer renderer() {
        return renderer;
    }

    /** The protocol of a request for {@code path} (the raw path, from the context root). */
    public static Protocol of(String path) {
        if (path == null) {
            return NATIVE;
        }
        if (path.equals("/scim/v2") || path.startsWith("/scim/v2/")) {
            return SCIM;
        }
        if (path.startsWith("/scim/")) {
            return AISERA;
        }
        if (path.startsWith("/api/public/")) {
            return KORE;
        }
        return path.equals(TOKEN_PATH) ? TOKEN : NATIVE;
    }
}
