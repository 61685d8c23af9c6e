package dev.roster.problem;

/** 404: nothing the caller may see is there. Also the answer for what exists outside the caller's view. */
public final class NotFound extends RosterException {
    public NotFound(String detail) {
        super(404, "not-found", "Not found", detail);
    }
}
