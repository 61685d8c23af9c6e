package dev.roster.user.control;

import dev.roster.platform.Value;
import dev.roster.user.entity.UserStatus;

/**
 * What a client asks of a user's own fields, in no protocol's shape: each field absent (keep it), {@code null}
 * (clear it) or a value. {@code manager} is a username of the tenant; {@code password} is the clear text, hashed by
 * the control. {@link UserRules} checks the values.
 */
public record UserCommand(Value<String> email, Value<String> firstName, Value<String> lastName,
                          Value<String> timeZone, Value<String> country, Value<String> zipCode, Value<String> avatar,
                          Value<String> gender, Value<Integer> birthYear, Value<String> hint, Value<String> manager,
                          Value<String> password, Value<UserStatus> status) {

    /** A command that changes nothing; {@code with…} methods build on it. */
    public static UserCommand none() {
        return new UserCommand(Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(),
                Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(),
                Value.absent(), Value.absent());
    }

    public UserCommand withPassword(String clear) {
        return new UserCommand(email, firstName, lastName, timeZone, country, zipCode, avatar, gender, birthYear, hint,
                manager, Value.of(clear), status);
    }

    public UserCommand withEmail(String email) {
        return new UserCommand(Value.of(email), firstName, lastName, timeZone, country, zipCode, avatar, gender,
                birthYear, hint, manager, password, status);
    }

    /** The names given; a null one is left as it is. */
    public UserCommand withNames(String first, String last) {
        return new UserCommand(email, first == null ? firstName : Value.of(first),
                last == null ? lastName : Value.of(last), timeZone, country, zipCode, avatar, gender, birthYear, hint,
                manager, password, status);
    }
}
