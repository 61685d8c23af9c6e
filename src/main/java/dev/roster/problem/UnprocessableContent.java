package dev.roster.problem;

/** 422: the request is well-formed but cannot be processed as sent (an Idempotency-Key reused for another request). */
public final class UnprocessableContent extends RosterException {
    public UnprocessableContent(String detail) {
        super(422, "unprocessable-content", "Unprocessable content", detail);
    }
}
