package dev.roster.problem;

import java.util.List;

/** 400: the request's input is wrong; {@link #fields()} names each offending field. */
public final class InvalidInput extends RosterException {

    private final transient List<FieldError> fields;

    public InvalidInput(List<FieldError> fields) {
        super(400, "invalid-input", "Invalid input", summary(fields), fields, null);
        this.fields = List.copyOf(fields);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> fields() {
        return fields;
    }

    private static String summary(List<FieldError> fields) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : fields) {
            text.append(text.length() == 0 ? "" : "; ").append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
