package dev.roster.user.control;

import dev.roster.platform.JsonInput;
import dev.roster.privilege.control.Grant;
import dev.roster.privilege.control.PrivilegeInput;
import dev.roster.privilege.control.Privileges;
import dev.roster.security.Passwords;
import dev.roster.user.entity.UserStatus;
import jakarta.json.JsonObject;
import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user body, read and checked in full before anything is changed. Fields a body leaves out are not in
 * {@link #has(String)}; read-only fields of the representation (id, status history, timestamps, API keys)
 * are accepted and ignored so a client can send back what it read; any other field is refused.
 */
public final class UserInput {

    /** Usernames: 1 to 128 characters without white space, '/', '\', '?', '#' or '%'. */
    public static final Pattern USERNAME = Pattern.compile("[^\\s/\\\\?#%]{1,128}");
    /** A practical e-mail check: one '@', a dotted domain of letters, digits and '-'. */
    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2,3}");

    static final Set<String> WRITABLE = Set.of("username", "email", "firstName", "lastName", "timeZone", "country",
            "zipCode", "avatar", "gender", "birthYear", "hint", "manager", "password", "status",
            "tenantUserPrivileges");
    static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "activeApiKeys");

    private final Set<String> present = new HashSet<>();
    String email;
    String firstName;
    String lastName;
    String timeZone;
    String country;
    String zipCode;
    String avatar;
    String gender;
    Integer birthYear;
    String hint;
    String manager;
    String password;
    UserStatus status;
    List<Grant> privileges;

    private UserInput() {
    }

    public static UserInput read(String pathUsername, JsonObject body, boolean creating) {
        JsonInput in = JsonInput.of(body);
        UserInput user = new UserInput();
        for (String field : in.fields()) {
            if (WRITABLE.contains(field)) {
                user.present.add(field);
            } else if (!READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a user; writable fields are " + String.join(", ",
                        WRITABLE.stream().sorted().toList()));
            }
        }
        if (in.has("username")) {
            String username = in.string("username", 128);
            if (username != null && !username.equalsIgnoreCase(pathUsername)) {
                in.fail("username", "cannot change and must match the username in the path");
            }
        }
        if (creating && (!in.has("email") || body.isNull("email"))) {
            in.fail("email", "is required to create a user");
        }
        user.email = in.string("email", 254);
        if (user.email != null && !EMAIL.matcher(user.email).matches()) {
            in.fail("email", "is not a valid e-mail address");
        }
        if (!creating && in.has("email") && body.isNull("email")) {
            in.fail("email", "cannot be removed");
        }
        user.firstName = in.string("firstName", 100);
        user.lastName = in.string("lastName", 100);
        user.timeZone = in.string("timeZone", 64);
        if (user.timeZone != null && !user.timeZone.isEmpty()) {
            try {
                ZoneId.of(user.timeZone);
            } catch (DateTimeException e) {
                in.fail("timeZone", "is not a time zone id such as Europe/Oslo or UTC");
            }
        }
        user.country = in.string("country", 3);
        if (user.country != null && !user.country.isEmpty()) {
            if (!COUNTRY.matcher(user.country).matches()) {
                in.fail("country", "must be an ISO 3166 country code of 2 or 3 letters, such as IS or ISL");
            } else {
                user.country = user.country.toUpperCase(Locale.ROOT);
            }
        }
        user.zipCode = in.string("zipCode", 20);
        user.avatar = in.string("avatar", 2048);
        user.gender = in.string("gender", 32);
        user.birthYear = in.integer("birthYear", 1900, Year.now().getValue());
        user.hint = in.string("hint", 255);
        user.manager = in.string("manager", 128);
        if (in.has("password") && body.isNull("password")) {
            in.fail("password", "cannot be null; leave it out to keep the current one");
        } else if (in.has("password")) {
            user.password = in.string("password", Passwords.MAX_LENGTH);
            if (user.password != null && user.password.length() < Passwords.MIN_LENGTH) {
                in.fail("password", "must be at least " + Passwords.MIN_LENGTH + " characters long");
            }
        }
        if (in.has("status")) {
            String status = in.string("status", 20);
            if ("ACTIVE".equalsIgnoreCase(status) || "SUSPENDED".equalsIgnoreCase(status)) {
                user.status = UserStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } else {
                in.fail("status", "may be set to ACTIVE or SUSPENDED; DELETE de-provisions a user");
            }
        }
        if (in.has("tenantUserPrivileges")) {
            List<JsonInput> items = in.objects("tenantUserPrivileges");
            if (items == null && body.isNull("tenantUserPrivileges")) {
                in.fail("tenantUserPrivileges", "must be an array; send [] to revoke every privilege of the user");
            } else if (items != null && items.size() > Privileges.MAX_PER_USER) {
                in.fail("tenantUserPrivileges", "a user holds at most " + Privileges.MAX_PER_USER + " privileges");
            } else if (items != null) {
                user.privileges = items.stream().map(PrivilegeInput::read).toList();
            }
        }
        in.check();
        return user;
    }

    public boolean has(String field) {
        return present.contains(field);
    }
}
