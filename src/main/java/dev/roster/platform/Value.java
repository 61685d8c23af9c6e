package dev.roster.platform;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A field of a command, as a client sent it: absent (leave the value as it is), or present with a value that may be
 * {@code null} (clear it), or present but unreadable ({@link #problem}: a string where a number belongs, say). Every
 * protocol's boundary reads its wire format into these, so controls tell them apart without knowing any wire
 * format, and report an unreadable field together with every rule a command breaks ({@link Checks}).
 */
public record Value<T>(boolean present, T value, String problem) {

    private static final Value<?> ABSENT = new Value<>(false, null, null);

    @SuppressWarnings("unchecked")
    public static <T> Value<T> absent() {
        return (Value<T>) ABSENT;
    }

    /** A value the client sent; {@code null} clears the field. */
    public static <T> Value<T> of(T value) {
        return new Value<>(true, value, null);
    }

    /** A field the client sent that cannot be read as what it must be; {@code problem} says why. */
    public static <T> Value<T> invalid(String problem) {
        return new Value<>(true, null, problem);
    }

    public void ifPresent(Consumer<T> action) {
        if (present) {
            action.accept(value);
        }
    }

    public <R> Value<R> map(Function<T, R> mapper) {
        if (problem != null) {
            return invalid(problem);
        }
        return present ? of(value == null ? null : mapper.apply(value)) : absent();
    }

    /** Present with a value that is not {@code null}. */
    public boolean isSet() {
        return present && value != null;
    }
}
