package dev.roster.problem;

import java.util.List;

/** A failure the caller can act on: becomes a problem with this status, slug, title and detail. */
public class RosterException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;
    private final String oauthError;

    protected RosterException(int status, String slug, String title, String detail, List<FieldError> errors,
                              String oauthError) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.oauthError = oauthError;
    }

    protected RosterException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance, String requestId) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, requestId,
                errors.isEmpty() ? null : errors, oauthError, oauthError == null ? null : getMessage());
    }
}
