package dev.roster.privilege.control;

import dev.roster.platform.JsonInput;
import dev.roster.platform.Window;
import dev.roster.privilege.entity.Role;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/**
 * A privilege body: {@code role} (one of the five, required), {@code activeFrom} and {@code activeUntil}
 * (ISO-8601; absent or null is an open end). A PUT replaces all three. Read-only fields of the
 * representation are ignored; others are refused.
 */
public record PrivilegeInput(Role role, Instant activeFrom, Instant activeUntil) {

    static final Set<String> WRITABLE = Set.of("role", "activeFrom", "activeUntil");
    static final Set<String> READ_ONLY = Set.of("id", "effective", "user", "grantedBy", "grantedAt", "scope");

    public static PrivilegeInput read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        PrivilegeInput input = read(in);
        in.check();
        return input;
    }

    /** Reads a privilege object, alone or inside a user body; problems are reported through {@code in}. */
    public static PrivilegeInput read(JsonInput in) {
        for (String field : in.fields()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a privilege; writable fields are role, activeFrom, activeUntil");
            }
        }
        String roleName = in.requiredString("role", 64);
        Role role = roleName == null ? null : Role.parse(roleName.strip());
        if (roleName != null && role == null) {
            in.fail("role", "'" + roleName + "' is not a role; roles are " + Role.names());
        }
        Window window = Window.read(in, Window.open());
        return new PrivilegeInput(role, window.activeFrom(), window.activeUntil());
    }
}
