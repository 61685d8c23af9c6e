package dev.roster.problem;

/** 500: what Roster could not explain; the body says nothing about why, only which request to quote. */
public final class InternalFailure extends RosterException {
    public InternalFailure(String requestId) {
        super(500, "internal-error", "Internal error", "Roster could not complete the request; it was not applied if "
                + "it was a change. Quote request id " + requestId + " when reporting it.");
    }
}
