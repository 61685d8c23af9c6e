package dev.roster.problem;

/** 403: the caller is known but may not do this. */
public final class Forbidden extends RosterException {
    public Forbidden(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
