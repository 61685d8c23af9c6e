package dev.roster.user.control;

import dev.roster.platform.Passwords;
import dev.roster.platform.Value;
import dev.roster.problem.FieldError;
import dev.roster.problem.InvalidInput;
import dev.roster.user.entity.UserStatus;
import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every user command must meet, whatever protocol it came in: which fields a create needs, which cannot
 * be cleared, lengths and formats. All offending fields are reported at once, by their names in the native API.
 */
public final class UserRules {

    /** Usernames: 1 to 128 characters without white space, '/', '\', '?', '#' or '%'. */
    public static final Pattern USERNAME = Pattern.compile("[^\\s/\\\\?#%]{1,128}");
    /** A practical e-mail check: one '@', a dotted domain of letters, digits and '-'. */
    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2,3}");

    private UserRules() {
    }

    /** Checks {@code command} for a create or an update; returns it with values normalised (country upper case). */
    static UserCommand check(UserCommand command, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (!readable(errors, "email", command.email())) {
            // reported as unreadable
        } else if (creating && !command.email().isSet()) {
            errors.add(new FieldError("email", "is required to create a user"));
        } else if (command.email().present() && command.email().value() == null) {
            errors.add(new FieldError("email", "cannot be removed"));
        } else if (command.email().isSet()) {
            length(errors, "email", command.email(), 254);
            if (!EMAIL.matcher(command.email().value()).matches()) {
                errors.add(new FieldError("email", "is not a valid e-mail address"));
            }
        }
        length(errors, "firstName", command.firstName(), 100);
        length(errors, "lastName", command.lastName(), 100);
        if (length(errors, "timeZone", command.timeZone(), 64) && !command.timeZone().value().isEmpty()) {
            try {
                ZoneId.of(command.timeZone().value());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "is not a time zone id such as Europe/Oslo or UTC"));
            }
        }
        Value<String> country = command.country();
        if (length(errors, "country", country, 3) && !country.value().isEmpty()) {
            if (COUNTRY.matcher(country.value()).matches()) {
                country = Value.of(country.value().toUpperCase(Locale.ROOT));
            } else {
                errors.add(new FieldError("country", "must be an ISO 3166 country code of 2 or 3 letters, such as IS "
                        + "or ISL"));
            }
        }
        length(errors, "zipCode", command.zipCode(), 20);
        length(errors, "avatar", command.avatar(), 2048);
        length(errors, "gender", command.gender(), 32);
        Value<Integer> birthYear = command.birthYear();
        if (readable(errors, "birthYear", birthYear) && birthYear.isSet()
                && (birthYear.value() < 1900 || birthYear.value() > Year.now().getValue())) {
            errors.add(new FieldError("birthYear", "must be between 1900 and " + Year.now().getValue()));
        }
        length(errors, "hint", command.hint(), 255);
        length(errors, "manager", command.manager(), 128);
        boolean statusReadable = readable(errors, "status", command.status());
        if (!readable(errors, "password", command.password())) {
            // reported as unreadable
        } else if (command.password().present() && command.password().value() == null) {
            errors.add(new FieldError("password", "cannot be null; leave it out to keep the current one"));
        } else if (command.password().isSet() && (command.password().value().length() < Passwords.MIN_LENGTH
                || command.password().value().length() > Passwords.MAX_LENGTH)) {
            errors.add(new FieldError("password", "must be between " + Passwords.MIN_LENGTH + " and "
                    + Passwords.MAX_LENGTH + " characters long"));
        }
        if (statusReadable && command.status().present() && command.status().value() != UserStatus.ACTIVE
                && command.status().value() != UserStatus.SUSPENDED) {
            errors.add(new FieldError("status", "may be set to ACTIVE or SUSPENDED; DELETE de-provisions a user"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new UserCommand(command.email(), command.firstName(), command.lastName(), command.timeZone(), country,
                command.zipCode(), command.avatar(), command.gender(), command.birthYear(), command.hint(),
                command.manager(), command.password(), command.status());
    }

    /** A username the API accepts, or 400. */
    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "must be 1 to 128 characters without white space, '/', '\\', '?', "
                    + "'#' or '%'");
        }
    }

    /** Reports a field the client sent unreadable; true when it was readable. */
    private static boolean readable(List<FieldError> errors, String field, Value<?> value) {
        if (value.problem() != null) {
            errors.add(new FieldError(field, value.problem()));
            return false;
        }
        return true;
    }

    /** Records an error when a set value is longer than {@code max}; true when a value is set and fits. */
    private static boolean length(List<FieldError> errors, String field, Value<String> value, int max) {
        if (value.problem() != null) {
            errors.add(new FieldError(field, value.problem()));
            return false;
        }
        if (!value.isSet()) {
            return false;
        }
        if (value.value().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters long"));
            return false;
        }
        return true;
    }
}
