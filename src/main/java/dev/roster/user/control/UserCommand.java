package dev.roster.user.control;

import dev.roster.platform.Value;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.UserStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asks of a user's own fields, in no protocol's shape: each field absent (keep it), {@code null}
 * (clear it) or a value. {@code manager} is a username of the tenant; {@code password} is the clear text, hashed by
 * the control. {@code attributes} holds the work profile's texts a client names (one it leaves out is kept);
 * {@code canCreateBot}, {@code isDeveloper} and {@code botTasks} are Kore.ai's (seed 002). {@link UserRules} checks
 * the values.
 */
public record UserCommand(Value<String> email, Value<String> firstName, Value<String> lastName,
                          Value<String> timeZone, Value<String> country, Value<String> zipCode, Value<String> avatar,
                          Value<String> gender, Value<Integer> birthYear, Value<String> hint, Value<String> manager,
                          Value<String> password, Value<UserStatus> status, Map<Attribute, Value<String>> attributes,
                          Value<Boolean> canCreateBot, Value<Boolean> isDeveloper, Value<List<String>> botTasks) {

    public UserCommand {
        attributes = Map.copyOf(attributes);
    }

    /** A command that changes nothing; {@code with…} methods build on it. */
    public static UserCommand none() {
        return new UserCommand(Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(),
                Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(),
                Value.absent(), Value.absent(), Map.of(), Value.absent(), Value.absent(), Value.absent());
    }

    /** The value asked for {@code attribute}: absent when the client did not name it. */
    public Value<String> attribute(Attribute attribute) {
        return attributes.getOrDefault(attribute, Value.absent());
    }

    public UserCommand withPassword(String clear) {
        return new UserCommand(email, firstName, lastName, timeZone, country, zipCode, avatar, gender, birthYear, hint,
                manager, Value.of(clear), status, attributes, canCreateBot, isDeveloper, botTasks);
    }

    public UserCommand withEmail(String email) {
        return new UserCommand(Value.of(email), firstName, lastName, timeZone, country, zipCode, avatar, gender,
                birthYear, hint, manager, password, status, attributes, canCreateBot, isDeveloper, botTasks);
    }

    /** The names given; a null one is left as it is. */
    public UserCommand withNames(String first, String last) {
        return new UserCommand(email, first == null ? firstName : Value.of(first),
                last == null ? lastName : Value.of(last), timeZone, country, zipCode, avatar, gender, birthYear, hint,
                manager, password, status, attributes, canCreateBot, isDeveloper, botTasks);
    }

    /** The work profile: texts by attribute (absent ones left out), Kore.ai's two flags and its bot tasks. */
    public UserCommand withWork(Map<Attribute, Value<String>> texts, Value<Boolean> canCreateBot,
                                Value<Boolean> isDeveloper, Value<List<String>> botTasks) {
        Map<Attribute, Value<String>> merged = new EnumMap<>(Attribute.class);
        merged.putAll(attributes);
        merged.putAll(texts);
        return new UserCommand(email, firstName, lastName, timeZone, country, zipCode, avatar, gender, birthYear, hint,
                manager, password, status, merged, canCreateBot, isDeveloper, botTasks);
    }

    /** The same command with its country in upper case (as the rules normalise it). */
    UserCommand withCountry(Value<String> normalised) {
        return new UserCommand(email, firstName, lastName, timeZone, normalised, zipCode, avatar, gender, birthYear,
                hint, manager, password, status, attributes, canCreateBot, isDeveloper, botTasks);
    }
}
