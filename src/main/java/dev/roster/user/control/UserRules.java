package dev.roster.user.control;

import dev.roster.platform.Passwords;
import dev.roster.platform.Checks;
import dev.roster.platform.Value;
import dev.roster.problem.InvalidInput;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.UserStatus;
import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
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
    /** An application's id (a Kore.ai {@code botId}): 1 to 128 characters without control characters. */
    public static final Pattern BOT_ID = Pattern.compile("[^\\p{Cntrl}]{1,128}");
    static final int MAX_BOT_TASKS = 100;

    private UserRules() {
    }

    /** Checks {@code command} for a create or an update; returns it with values normalised (country upper case). */
    public static UserCommand check(UserCommand command, boolean creating) {
        Checks checks = new Checks();
        Value<String> email = command.email();
        if (checks.readable("email", email)) {
            if (creating && !email.isSet()) {
                checks.fail("email", "is required to create a user");
            } else if (email.present() && email.value() == null) {
                checks.fail("email", "cannot be removed");
            } else if (checks.fits("email", email, 254) && !EMAIL.matcher(email.value()).matches()) {
                checks.fail("email", "is not a valid e-mail address");
            }
        }
        checks.maxLength("firstName", command.firstName(), 100).maxLength("lastName", command.lastName(), 100);
        if (checks.fits("timeZone", command.timeZone(), 64) && !command.timeZone().value().isEmpty()) {
            try {
                ZoneId.of(command.timeZone().value());
            } catch (DateTimeException e) {
                checks.fail("timeZone", "is not a time zone id such as Europe/Oslo or UTC");
            }
        }
        Value<String> country = command.country();
        if (checks.readable("country", country) && country.isSet() && !country.value().isEmpty()) {
            if (COUNTRY.matcher(country.value()).matches()) {
                country = Value.of(country.value().toUpperCase(Locale.ROOT));
            } else {
                checks.fail("country", "must be an ISO 3166 country code of 2 or 3 letters, such as IS or ISL");
            }
        }
        checks.maxLength("zipCode", command.zipCode(), 20).maxLength("avatar", command.avatar(), 2048)
                .maxLength("gender", command.gender(), 32);
        Value<Integer> birthYear = command.birthYear();
        if (checks.readable("birthYear", birthYear) && birthYear.isSet()
                && (birthYear.value() < 1900 || birthYear.value() > Year.now().getValue())) {
            checks.fail("birthYear", "must be between 1900 and " + Year.now().getValue());
        }
        checks.maxLength("hint", command.hint(), 255).maxLength("manager", command.manager(), 128);
        boolean statusReadable = checks.readable("status", command.status());
        Value<String> password = command.password();
        if (checks.readable("password", password)) {
            if (password.present() && password.value() == null) {
                checks.fail("password", "cannot be null; leave it out to keep the current one");
            } else if (password.isSet() && (password.value().length() < Passwords.MIN_LENGTH
                    || password.value().length() > Passwords.MAX_LENGTH)) {
                checks.fail("password", "must be between " + Passwords.MIN_LENGTH + " and " + Passwords.MAX_LENGTH
                        + " characters long");
            }
        }
        if (statusReadable && command.status().present() && command.status().value() != UserStatus.ACTIVE
                && command.status().value() != UserStatus.SUSPENDED) {
            checks.fail("status", "may be set to ACTIVE or SUSPENDED; DELETE de-provisions a user");
        }
        for (Attribute attribute : Attribute.values()) {
            checks.maxLength(attribute.field(), command.attribute(attribute), attribute.maxLength());
        }
        checks.readable("canCreateBot", command.canCreateBot());
        checks.readable("isDeveloper", command.isDeveloper());
        Value<List<String>> tasks = command.botTasks();
        if (checks.readable("botTasks", tasks) && tasks.isSet()) {
            if (tasks.value().size() > MAX_BOT_TASKS) {
                checks.fail("botTasks", "assigns at most " + MAX_BOT_TASKS + " agents");
            } else if (tasks.value().stream().anyMatch(id -> !BOT_ID.matcher(id).matches())) {
                checks.fail("botTasks", "holds agent ids of 1 to 128 characters without control characters");
            }
        }
        checks.done();
        return command.withCountry(country);
    }

    /** A username the API accepts, or 400. */
    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "must be 1 to 128 characters without white space, '/', '\\', '?', "
                    + "'#' or '%'");
        }
    }
}
