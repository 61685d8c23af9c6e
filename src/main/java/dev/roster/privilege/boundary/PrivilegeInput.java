package dev.roster.privilege.boundary;

import dev.roster.platform.JsonInput;
import dev.roster.platform.Window;
import dev.roster.privilege.control.Grant;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * Reads the native API's privilege body into a {@link Grant}: {@code role} (a role's id or name, required),
 * {@code scope} (optional), {@code activeFrom} and {@code activeUntil} (ISO-8601; absent or null is an open end).
 * A PUT replaces all four. Read-only fields of the representation are ignored; others are refused.
 */
public final class PrivilegeInput {

    static final Set<String> WRITABLE = Set.of("role", "scope", "activeFrom", "activeUntil");
    static final Set<String> READ_ONLY = Set.of("id", "effective", "user", "grantedBy", "grantedAt", "roleName");
    static final int MAX_SCOPE = 200;

    private PrivilegeInput() {
    }

    public static Grant read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        Grant grant = read(in);
        in.check();
        return grant;
    }

    /** Reads a privilege object, alone or inside a user body; problems are reported through {@code in}. */
    public static Grant read(JsonInput in) {
        for (String field : in.fields()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a privilege; writable fields are role, scope, activeFrom, activeUntil");
            }
        }
        String role = in.requiredString("role", 100);
        String scope = in.string("scope", MAX_SCOPE);
        Window window = Window.read(in, Window.open());
        return new Grant(role == null ? null : role.strip(), scope == null || scope.isBlank() ? null : scope.strip(),
                window.activeFrom(), window.activeUntil());
    }
}
