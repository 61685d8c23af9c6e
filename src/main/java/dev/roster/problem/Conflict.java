package dev.roster.problem;

/** 409: the change collides with the current state (a unique value taken, a concurrent change, a rule). */
public final class Conflict extends RosterException {

    /** The slug of a value that must be unique and is taken. */
    public static final String NOT_UNIQUE = "not-unique";

    public Conflict(String detail) {
        super(409, "conflict", "Conflict", detail);
    }

    private Conflict(String slug, String detail) {
        super(409, slug, "Conflict", detail);
    }

    /** A value that must be unique is taken. */
    public static Conflict notUnique(String detail) {
        return new Conflict(NOT_UNIQUE, detail);
    }
}
