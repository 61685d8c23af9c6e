package dev.roster.problem;

/** 410: what the request names existed and can no longer be used (an expired, revoked or used invitation). */
public final class Gone extends RosterException {

    public Gone(String detail) {
        super(410, "gone", "Gone", detail);
    }
}
