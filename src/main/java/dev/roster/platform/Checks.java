package dev.roster.platform;

import dev.roster.problem.FieldError;
import dev.roster.problem.InvalidInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a command's values, checked in a control: every offending field is collected, a field the client
 * sent unreadable ({@link Value#problem()}) among them, and {@link #done()} refuses them all at once (400). Each
 * field is reported once.
 */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    public Checks fail(String field, String message) {
        if (reported.add(field)) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** Reports a value the client sent unreadable; true when it was readable. */
    public boolean readable(String field, Value<?> value) {
        if (value.problem() != null) {
            fail(field, value.problem());
            return false;
        }
        return true;
    }

    /** A value a create must carry, not null and not blank. */
    public Checks required(String field, Value<String> value) {
        if (readable(field, value) && (!value.isSet() || value.value().isBlank())) {
            fail(field, value.present() && value.value() != null ? "must not be blank" : "is required");
        }
        return this;
    }

    /** A value that may be left out but not cleared. */
    public Checks notCleared(String field, Value<?> value) {
        if (readable(field, value) && value.present() && value.value() == null) {
            fail(field, "cannot be null; leave it out to keep the current value");
        }
        return this;
    }

    public Checks maxLength(String field, Value<String> value, int max) {
        if (readable(field, value) && value.isSet() && value.value().length() > max) {
            fail(field, "must be at most " + max + " characters long");
        }
        return this;
    }

    /** Checks the length of a text; true when it is set, readable and no longer than {@code max}. */
    public boolean fits(String field, Value<String> value, int max) {
        int before = errors.size();
        maxLength(field, value, max);
        return errors.size() == before && value.isSet();
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
