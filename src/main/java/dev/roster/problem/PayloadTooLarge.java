package dev.roster.problem;

/** 413: the request body is larger than Roster accepts. */
public final class PayloadTooLarge extends RosterException {
    public PayloadTooLarge(long limit) {
        super(413, "payload-too-large", "Payload too large", "the request body is larger than " + limit + " bytes");
    }
}
