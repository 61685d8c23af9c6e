package dev.roster.problem;

import java.util.List;

/** 400: the request's input is wrong; {@link #fields()} names each offending field. */
public final class InvalidInput extends RosterException {

    /** The slug of a value that breaks a rule. */
    public static final String INVALID = "invalid-input";
    /** The slug of a body that cannot be read at all (not JSON, duplicate keys, nested too deep). */
    public static final String MALFORMED = "malformed-body";

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

    private static String summary(List<FieldError> fields) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : fields) {
            text.append(text.length() == 0 ? "" : "; ").append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
