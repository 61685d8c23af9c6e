package dev.roster.problem;

/** 401: no credential, or one that does not (or no longer) prove who the caller is. */
public final class Unauthorized extends RosterException {
    public Unauthorized(String detail) {
        super(401, "unauthorized", "Unauthorized", detail);
    }
}
