package dev.roster.problem;

import java.util.Map;

/** 401: no credential, or one that does not (or no longer) prove who the caller is. */
public final class Unauthorized extends RosterException {

    private final boolean presented;

    public Unauthorized(String detail) {
        this(detail, false);
    }

    private Unauthorized(String detail, boolean presented) {
        super(401, "unauthorized", "Unauthorized", detail);
        this.presented = presented;
    }

    /** A credential was presented and does not hold (RFC 6750 section 3.1 {@code invalid_token}). */
    public static Unauthorized refused(String detail) {
        return new Unauthorized(detail, true);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", "Bearer realm=\"roster\"" + (presented ? ", error=\"invalid_token\"" : ""));
    }
}
