package dev.roster.job.boundary;

import dev.roster.job.control.ItemReader;
import dev.roster.job.control.Operation;
import dev.roster.platform.JsonInput;
import dev.roster.privilege.boundary.PrivilegeInput;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.RosterException;
import dev.roster.provisioning.boundary.UserJson;
import dev.roster.provisioning.control.NewUser;
import dev.roster.service.entity.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire form of a bulk item (documented in OpenAPI as {@code BulkOperation}): an object with an {@code op} and
 * the fields that op takes, each read as the single request of the same op reads it.
 * <ul>
 * <li>{@code create}: {@code user} (the native user body, with its {@code username}), {@code groups} (ids) and
 * {@code invite} (send the activation e-mail; the user is INVITED until it accepts);</li>
 * <li>{@code put}: {@code username} and {@code user}, as {@code PUT /users/{username}};</li>
 * <li>{@code deprovision}: {@code username};</li>
 * <li>{@code grant}: {@code username} and {@code privilege} ({@code role}, {@code scope}, window);</li>
 * <li>{@code revoke}: {@code privilege}, a privilege's id (or a username, for its tenant-wide role);</li>
 * <li>{@code addGroupMember}, {@code removeGroupMember}: {@code group} (id) and {@code username};</li>
 * <li>{@code addOrganizationMember}, {@code removeOrganizationMember}: {@code organization} and {@code username}.</li>
 * </ul>
 */
@ApplicationScoped
public class BulkItems implements ItemReader {

    static final int ID = 200;
    static final int NAME = 256;
    static final int MAX_GROUPS = 100;
    static final Map<String, Set<String>> FIELDS = Map.of(
            "create", Set.of("op", "user", "groups", "invite"),
            "put", Set.of("op", "username", "user"),
            "deprovision", Set.of("op", "username"),
            "grant", Set.of("op", "username", "privilege"),
            "revoke", Set.of("op", "privilege"),
            "addGroupMember", Set.of("op", "group", "username"),
            "removeGroupMember", Set.of("op", "group", "username"),
            "addOrganizationMember", Set.of("op", "organization", "username"),
            "removeOrganizationMember", Set.of("op", "organization", "username"));

    @Override
    public Operation read(JsonObject item) {
        if (item == null) {
            return new Operation.Unreadable(null, null, new InvalidInput("operations[]", "each item must be an object"
                    + " with an op, one of " + String.join(", ", FIELDS.keySet().stream().sorted().toList())));
        }
        String op = item.get("op") instanceof jakarta.json.JsonString named ? named.getString() : null;
        String key = key(item);
        if (item.get(CsvUsers.ROW_PROBLEM) instanceof jakarta.json.JsonString problem) {
            return new Operation.Unreadable(op, key, new InvalidInput("row " + item.getInt(CsvUsers.ROW, 0),
                    problem.getString()));
        }
        try {
            return operation(op, item);
        } catch (RosterException refused) {
            return new Operation.Unreadable(op, key, refused);
        }
    }

    private static Operation operation(String op, JsonObject item) {
        Set<String> fields = op == null ? null : FIELDS.get(op);
        if (fields == null) {
            throw new InvalidInput("op", "must be one of " + String.join(", ", FIELDS.keySet().stream().sorted()
                    .toList()));
        }
        JsonInput in = JsonInput.of(item);
        for (String field : in.fields()) {
            if (!fields.contains(field)) {
                in.fail(field, "is not a field of a " + op + " operation; its fields are " + String.join(", ",
                        fields.stream().sorted().toList()));
            }
        }
        Operation operation = switch (op) {
            case "create" -> create(in, item);
            case "put" -> {
                String username = in.requiredString("username", NAME);
                JsonObject user = object(in, item, "user");
                yield username == null || user == null ? null
                        : new Operation.Put(username, UserJson.read(username, user));
            }
            case "deprovision" -> new Operation.Deprovision(in.requiredString("username", NAME));
            case "grant" -> {
                String username = in.requiredString("username", NAME);
                JsonObject privilege = object(in, item, "privilege");
                yield privilege == null ? null
                        : new Operation.GrantPrivilege(username, PrivilegeInput.read(privilege));
            }
            case "revoke" -> new Operation.Revoke(in.requiredString("privilege", NAME));
            default -> membership(op, in);
        };
        in.check();
        return operation;
    }

    private static Operation create(JsonInput in, JsonObject item) {
        JsonObject user = object(in, item, "user");
        List<String> groups = in.strings("groups", MAX_GROUPS, ID);
        Boolean invite = in.bool("invite");
        if (user == null) {
            return null;
        }
        String username = user.get("username") instanceof jakarta.json.JsonString named ? named.getString() : null;
        if (username == null) {
            in.fail("user.username", "is required to create a user");
            return null;
        }
        in.check();
        return new Operation.Create(new NewUser(username, UserJson.read(username, user),
                groups == null ? List.of() : groups, Boolean.TRUE.equals(invite) ? Service.BULK : null));
    }

    private static Operation membership(String op, JsonInput in) {
        boolean group = op.contains("Group");
        String container = in.requiredString(group ? "group" : "organization", ID);
        String username = in.requiredString("username", NAME);
        return new Operation.Membership(group, op.startsWith("add"), container, username);
    }

    private static JsonObject object(JsonInput in, JsonObject item, String field) {
        JsonValue value = item.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return in.fail(field, "is required and must be an object");
        }
        return value.asJsonObject();
    }

    /** What names an item in its result, read leniently: a username, else a privilege id. */
    private static String key(JsonObject item) {
        for (String field : List.of("username", "privilege")) {
            if (item.get(field) instanceof jakarta.json.JsonString value) {
                return value.getString();
            }
        }
        if (item.get("user") instanceof JsonObject user && user.get("username") instanceof jakarta.json.JsonString
                value) {
            return value.getString();
        }
        return null;
    }
}
