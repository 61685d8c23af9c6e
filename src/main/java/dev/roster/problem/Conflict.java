package dev.roster.problem;

/** 409: the change collides with the current state (a unique value taken, a concurrent change). */
public final class Conflict extends RosterException {
    public Conflict(String detail) {
        super(409, "conflict", "Conflict", detail);
    }
}
