package dev.roster.problem;

/** 412: an {@code If-Match} precondition does not hold; nothing was changed. */
public final class PreconditionFailed extends RosterException {
    public PreconditionFailed(String detail) {
        super(412, "precondition-failed", "Precondition failed", detail);
    }
}
