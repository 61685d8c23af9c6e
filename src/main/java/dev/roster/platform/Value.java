package dev.roster.platform;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A field of a command, as a client sent it: absent (leave the value as it is), or present with a value that may be
 * {@code null} (clear it). Every protocol's boundary reads its wire format into these, so controls tell the three
 * apart without knowing any wire format.
 */
public record Value<T>(boolean present, T value) {

    private static final Value<?> ABSENT = new Value<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Value<T> absent() {
        return (Value<T>) ABSENT;
    }

    /** A value the client sent; {@code null} clears the field. */
    public static <T> Value<T> of(T value) {
        return new Value<>(true, value);
    }

    public void ifPresent(Consumer<T> action) {
        if (present) {
            action.accept(value);
        }
    }

    public <R> Value<R> map(Function<T, R> mapper) {
        return present ? of(value == null ? null : mapper.apply(value)) : absent();
    }

    /** Present with a value that is not {@code null}. */
    public boolean isSet() {
        return present && value != null;
    }
}
