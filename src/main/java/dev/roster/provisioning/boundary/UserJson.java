package dev.roster.provisioning.boundary;

import dev.roster.platform.JsonInput;
import dev.roster.platform.Value;
import dev.roster.privilege.boundary.PrivilegeInput;
import dev.roster.privilege.control.Grant;
import dev.roster.provisioning.control.ProvisionCommand;
import dev.roster.user.control.UserCommand;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.UserStatus;
import jakarta.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the native API's user body (003 Users) into a {@link ProvisionCommand}: JSON types and field names here, the
 * rules in the controls. Read-only fields of the representation are accepted and ignored, so a client can send back
 * what it read; any other field is refused, so a typo is never silently dropped.
 */
public final class UserJson {

    static final Set<String> WRITABLE = Set.of("username", "email", "firstName", "lastName", "timeZone", "country",
            "zipCode", "avatar", "gender", "birthYear", "hint", "manager", "password", "status",
            "tenantUserPrivileges", "identityProviderId", "orgUserId", "companyName", "dept", "companyContactPhone",
            "worknumber", "street", "suiteNo", "city", "zip", "state", "canCreateBot", "isDeveloper", "botTasks",
            "externalId", "displayName", "nickName", "middleName", "honorificPrefix", "honorificSuffix", "title",
            "userType", "preferredLanguage", "locale", "employeeNumber", "costCenter", "division", "mobile", "fax");
    static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "activeApiKeys", "groups",
            "organizations");
    /** Values are length-checked by the rules; this only bounds what is read. */
    static final int ANY = 65_536;
    static final int MAX_PRIVILEGES = 50;
    static final int MAX_BOT_TASKS = 1000;

    private UserJson() {
    }

    public static ProvisionCommand read(String pathUsername, JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a user; writable fields are " + String.join(", ",
                        WRITABLE.stream().sorted().toList()));
            }
        }
        if (in.has("username")) {
            String username = in.string("username", ANY);
            if (username != null && !username.equalsIgnoreCase(pathUsername)) {
                in.fail("username", "cannot change and must match the username in the path");
            }
        }
        Value<String> statusText = in.text("status", ANY);
        Value<UserStatus> status = statusText.map(UserJson::parse);
        if (statusText.isSet() && status.value() == null) {
            status = Value.invalid("may be set to ACTIVE or SUSPENDED; DELETE de-provisions a user");
        }
        Value<List<Grant>> privileges = Value.absent();
        if (in.has("tenantUserPrivileges")) {
            List<JsonInput> items = in.objects("tenantUserPrivileges");
            if (items == null && body.isNull("tenantUserPrivileges")) {
                in.fail("tenantUserPrivileges", "must be an array; send [] to revoke every privilege of the user");
            } else if (items != null && items.size() > MAX_PRIVILEGES) {
                in.fail("tenantUserPrivileges", "a user holds at most " + MAX_PRIVILEGES + " privileges");
            } else if (items != null) {
                privileges = Value.of(items.stream().map(PrivilegeInput::read).toList());
            }
        }
        UserCommand user = new UserCommand(text(in, "email"), text(in, "firstName"), text(in, "lastName"),
                text(in, "timeZone"), text(in, "country"), text(in, "zipCode"), text(in, "avatar"), text(in, "gender"),
                in.whole("birthYear"),
                text(in, "hint"), text(in, "manager"), text(in, "password"), status, Map.of(), Value.absent(),
                Value.absent(), Value.absent())
                .withWork(attributes(in), in.flag("canCreateBot"), in.flag("isDeveloper"),
                        in.texts("botTasks", MAX_BOT_TASKS, ANY));
        in.check();
        return new ProvisionCommand(user, privileges, in.text("identityProviderId", ANY));
    }

    /** The work profile's texts the body names, by attribute. */
    static Map<Attribute, Value<String>> attributes(JsonInput in) {
        Map<Attribute, Value<String>> named = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (in.has(attribute.field())) {
                named.put(attribute, text(in, attribute.field()));
            }
        }
        return named;
    }

    private static UserStatus parse(String text) {
        try {
            return UserStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Value<String> text(JsonInput in, String name) {
        return in.text(name, ANY);
    }
}
