package dev.roster.platform;

import dev.roster.problem.FieldError;
import dev.roster.problem.InvalidInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON request body field by field, checking type and size, and collects every problem so the
 * caller hears about all offending fields at once ({@link #check()}). Bodies are read this way rather than
 * bound to records because a PUT must tell a field that is absent (keep the value) from one that is
 * {@code null} (clear it).
 */
public final class JsonInput {

    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonInput(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    public static JsonInput of(JsonObject body) {
        if (body == null) {
            throw InvalidInput.malformed("a JSON object is required");
        }
        return new JsonInput(body, "", new ArrayList<>());
    }

    /** The names of the fields the object carries. */
    public java.util.Set<String> fields() {
        return json.keySet();
    }

    /** True when the body names the field, even with {@code null}. */
    public boolean has(String name) {
        return json.containsKey(name);
    }

    public String string(String name, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            return fail(name, "must be a string");
        }
        String string = text.getString();
        if (string.length() > maxLength) {
            return fail(name, "must be at most " + maxLength + " characters long");
        }
        if (string.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            return fail(name, "must not contain control characters");
        }
        return string;
    }

    /**
     * A text field as a command {@link Value}: absent, null, the string, or unreadable (not a string, control
     * characters, longer than {@code maxLength}); an unreadable one is left for the control to report with the rest.
     */
    public Value<String> text(String name, int maxLength) {
        return read(name, () -> string(name, maxLength));
    }

    /** A true/false field as a command {@link Value}. */
    public Value<Boolean> flag(String name) {
        return read(name, () -> bool(name));
    }

    /** An array of strings as a command {@link Value}: absent, null, the strings, or unreadable. */
    public Value<List<String>> texts(String name, int maxItems, int maxLength) {
        return read(name, () -> json.isNull(name) ? null : strings(name, maxItems, maxLength));
    }

    /** A whole-number field as a command {@link Value}. */
    public Value<Integer> whole(String name) {
        return read(name, () -> integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private <T> Value<T> read(String name, java.util.function.Supplier<T> reader) {
        if (!has(name)) {
            return Value.absent();
        }
        int before = errors.size();
        T value = reader.get();
        if (errors.size() > before) {
            String problem = errors.remove(errors.size() - 1).message();
            return Value.invalid(problem);
        }
        return Value.of(value);
    }

    /** An array of strings ({@code maxItems} at most, each {@code maxLength} at most); empty when absent or null. */
    public List<String> strings(String name, int maxItems, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            fail(name, "must be an array of strings");
            return List.of();
        }
        if (array.size() > maxItems) {
            fail(name, "holds at most " + maxItems + " items");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString text && text.getString().length() <= maxLength) {
                items.add(text.getString());
            } else {
                fail(name + "[" + i + "]", "must be a string of at most " + maxLength + " characters");
            }
        }
        return items;
    }

    public String requiredString(String name, int maxLength) {
        if (!has(name) || json.isNull(name)) {
            return fail(name, "is required");
        }
        String value = string(name, maxLength);
        if (value != null && value.isBlank()) {
            return fail(name, "must not be blank");
        }
        return value;
    }

    public Integer integer(String name, int min, int max) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            return fail(name, "must be a whole number");
        }
        long n;
        try {
            n = number.longValueExact();
        } catch (ArithmeticException e) {
            return fail(name, "must be between " + min + " and " + max);
        }
        if (n < min || n > max) {
            return fail(name, "must be between " + min + " and " + max);
        }
        return (int) n;
    }

    public Boolean bool(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        return fail(name, "must be true or false");
    }

    /** An ISO-8601 instant such as {@code 2014-08-20T17:44:33Z} (an offset other than Z is accepted). */
    public Instant instant(String name) {
        String text = string(name, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fail(name, "must be an ISO-8601 date-time with offset, such as 2014-08-20T17:44:33Z");
        }
    }

    /** The objects of an array field, each readable with its index in error messages; null when absent. */
    public List<JsonInput> objects(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            return fail(name, "must be an array");
        }
        List<JsonInput> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject object) {
                items.add(new JsonInput(object, prefix + name + "[" + i + "].", errors));
            } else {
                fail(name + "[" + i + "]", "must be an object");
            }
        }
        return items;
    }

    /** Records a problem with a field; returns null so a reader can {@code return fail(...)}. */
    public <T> T fail(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
        return null;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws {@link InvalidInput} naming every offending field, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
