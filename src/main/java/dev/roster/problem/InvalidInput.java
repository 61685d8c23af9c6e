package dev.roster.problem;

import java.util.List;

/** 400: the request's input is wrong; {@link #fields()} names each offending field. */
public final class InvalidInput extends RosterException {

    /** The slug of a value that breaks a rule. */
    public static final String INVALID = "invalid-input";
    /** The slug of a body that cannot be read at all (not JSON, duplicate keys, nested too deep). */
    public static final String MALFORMED = "malformed-body";
    /** The slug of a filter that cannot be parsed, or names what cannot be compared. */
    public static final String FILTER = "invalid-filter";
    /** The slug of an attribute path that cannot be parsed or names nothing there is. */
    public static final String PATH = "invalid-path";
    /** The slug of a change to a value that cannot change (a username, an id, a read-only attribute). */
    public static final String IMMUTABLE = "immutable";
    /** The slug of a path with a value filter that matched nothing to change. */
    public static final String NO_TARGET = "no-target";

    public InvalidInput(List<FieldError> fields) {
        this(INVALID, "Invalid input", fields);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private InvalidInput(String slug, String title, List<FieldError> fields) {
        super(400, slug, title, summary(fields), fields);
    }

    /** A body that cannot be read as what it claims to be; {@code message} says why. */
    public static InvalidInput malformed(String message) {
        return new InvalidInput(MALFORMED, "Malformed body", List.of(new FieldError("body", message)));
    }

    /** A filter that cannot be parsed or run; {@code message} says why. */
    public static InvalidInput filter(String message) {
        return new InvalidInput(FILTER, "Invalid filter", List.of(new FieldError("filter", message)));
    }

    /** An attribute path that cannot be parsed or names nothing there is. */
    public static InvalidInput path(String field, String message) {
        return new InvalidInput(PATH, "Invalid path", List.of(new FieldError(field, message)));
    }

    /** A change to {@code field}, which cannot change. */
    public static InvalidInput immutable(String field, String message) {
        return new InvalidInput(IMMUTABLE, "Immutable value", List.of(new FieldError(field, message)));
    }

    /** A path whose value filter matched nothing. */
    public static InvalidInput noTarget(String field, String message) {
        return new InvalidInput(NO_TARGET, "No target", List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> fields) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : fields) {
            text.append(text.length() == 0 ? "" : "; ").append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
