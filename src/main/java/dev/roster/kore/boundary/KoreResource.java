package dev.roster.kore.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.JsonInput;
import dev.roster.platform.JsonItems;
import dev.roster.platform.LimitedInput;
import dev.roster.platform.Value;
import dev.roster.privilege.control.Grant;
import dev.roster.problem.Conflict;
import dev.roster.problem.FieldError;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.RosterException;
import dev.roster.provisioning.control.NewUser;
import dev.roster.provisioning.control.ProvisionCommand;
import dev.roster.provisioning.control.Provisioning;
import dev.roster.service.entity.Service;
import dev.roster.user.control.UserCommand;
import dev.roster.user.control.UserRules;
import dev.roster.user.entity.Attribute;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/public/users} (seed 002). Every user that can be created is, whatever becomes of the others; the
 * answer is the document's {@code {"msg": "Users are created Successfully"}} when all were, else its
 * {@code failedUserDetails}, one entry per user that was not, each with the reasons as {@code {msg, code}}.
 */
@RequestScoped
@Path("public/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Kore.ai")
public class KoreResource {

    /** The most users one request creates; its body may then be as large as {@link #MAX_BYTES}. */
    static final int MAX_USERS = 10_000;
    static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int ANY = 65_536;
    static final int MAX_ITEMS = 1000;
    static final String SUCCESS = "Users are created Successfully";
    static final Set<String> USER_FIELDS = Set.of("userInfo", "groups", "roles", "assignBotTasks", "canCreateBot",
            "isDeveloper", "sendEmail");
    static final Set<String> INFO_FIELDS = Set.of("emailId", "firstName", "lastName", "country", "orgUserId",
            "companyName", "dept", "companyContactPhone", "worknumber", "street", "suiteNo", "city", "zip", "state");
    static final Pattern ROLE_FIELD = Pattern.compile("tenantUserPrivileges\\[(\\d+)]\\.role");
    static final Pattern PRIVILEGE_FIELD = Pattern.compile("tenantUserPrivileges\\[(\\d+)]");
    /** The {@code msg} of each failure the document's example does not show; a bad value otherwise says itself. */
    static final String INVALID_EMAIL = "INVALID_EMAIL";
    static final String EMAIL_REQUIRED = "EMAIL_ID_REQUIRED";
    static final String DUPLICATE_EMAIL = "DUPLICATE_EMAIL_IN_REQUEST";
    static final String INVALID_GROUP = "INVALID_GROUP";
    static final String INVALID_ROLE = "INVALID_ROLE";
    static final String USER_EXISTS = "USER_ALREADY_EXISTS";
    static final String EXAMPLE = "{\"users\": [{\"userInfo\": {\"emailId\": \"john.doe@example.com\", "
            + "\"orgUserId\": \"org assigned user id\", \"firstName\": \"john\", \"lastName\": \"doe\", "
            + "\"companyName\": \"company_name\", \"dept\": \"dept\"}, "
            + "\"groups\": [\"06b41cdd-7678-5394-b958-40ca56620001\"], "
            + "\"roles\": [{\"roleId\": \"5d9d8db3-0d54-4920-a8df-1c0d0a0b0001\", "
            + "\"botId\": \"st-b8525f88-6dd3-54a7-8a97-734ecb740001\"}], \"canCreateBot\": true, "
            + "\"isDeveloper\": true}]}";

    @Inject
    Provisioning provisioning;

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "koreCreateUsers", summary = "Kore.ai: create users", description = "Role: "
            + "ADMINISTRATOR; send a token from the token endpoint in Kore.ai's `auth` header (or as a bearer "
            + "token). Up to 10,000 users in a body of up to 16 MiB. Each user's `emailId` is its username and "
            + "e-mail address; `groups` are group ids; each of `roles` grants the role `roleId` (an id or a name) "
            + "scoped to the bot `botId`; `canCreateBot` and `isDeveloper` default to true; `sendEmail` (default "
            + "true) sends the activation e-mail of an invitation, and the user is INVITED until it accepts (without "
            + "it the user is ACTIVE at once). `country` is an ISO 3166 code. Users are created 500 to a "
            + "transaction; one that cannot be created is reported in `failedUserDetails` and the others are "
            + "created (200 either way). Each failure's `msg`: `EMAIL_ID_REQUIRED` (no `emailId`), `INVALID_EMAIL`, "
            + "`DUPLICATE_EMAIL_IN_REQUEST` (an `emailId` sent earlier in the same request), `INVALID_GROUP` (not a "
            + "group of the tenant), `INVALID_ROLE` (not a role of the tenant), `USER_ALREADY_EXISTS` (code 409: the "
            + "address or username belongs to a user already); any other bad value is named as `field: problem`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KoreUsersInput"),
            examples = @ExampleObject(name = "seed 002 Sample Request", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Every user created (`msg`), or `failedUserDetails`",
            content = @Content(schema = @Schema(ref = "KoreCreateResult")))
    public JsonObject create(InputStream body) {
        byte[] request = read(body);
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonItems.read(new ByteArrayInputStream(request), MAX_BYTES, "users", MAX_USERS, value -> {
            Object read = value instanceof JsonObject object ? command(object, seen)
                    : List.of(new Failure("users[]: must be an object", 400));
            JsonObject info = value instanceof JsonObject user && user.get("userInfo") instanceof JsonObject o ? o
                    : JsonValue.EMPTY_JSON_OBJECT;
            items.add(new Item(info.get("emailId") instanceof JsonString email ? email.getString() : null,
                    info.get("firstName") instanceof JsonString first ? first.getString() : null,
                    read instanceof NewUser ? null : cast(read)));
        });
        // The whole body was read and checked before any user is created: now the users that passed, read again
        // a chunk at a time, so that 10,000 users are never held in memory at once (a fifth of the heap).
        List<Provisioning.Outcome> outcomes = new ArrayList<>();
        List<NewUser> chunk = new ArrayList<>(Provisioning.CHUNK);
        Iterator<Item> item = items.iterator();
        Set<String> again = new HashSet<>();
        JsonItems.read(new ByteArrayInputStream(request), MAX_BYTES, "users", MAX_USERS, value -> {
            if (item.next().failures() == null) {
                chunk.add((NewUser) command((JsonObject) value, again));
                if (chunk.size() == Provisioning.CHUNK) {
                    outcomes.addAll(provisioning.createAll(chunk));
                    chunk.clear();
                }
            }
        });
        outcomes.addAll(provisioning.createAll(chunk));
        Iterator<Provisioning.Outcome> outcome = outcomes.iterator();
        JsonArrayBuilder failed = Json.createArrayBuilder();
        boolean anyFailed = false;
        for (Item each : items) {
            List<Failure> failures = each.failures() == null ? failures(outcome.next()) : each.failures();
            if (!failures.isEmpty()) {
                anyFailed = true;
                failed.add(failedUser(each, failures));
            }
        }
        return anyFailed ? Json.createObjectBuilder().add("failedUserDetails", failed).build()
                : Json.createObjectBuilder().add("msg", SUCCESS).build();
    }

    /** The request's body, up to {@link #MAX_BYTES} (a 413 beyond); a body cut short is a 400, as a parser says. */
    private static byte[] read(InputStream body) {
        try {
            return new LimitedInput(body, MAX_BYTES).readAllBytes();
        } catch (IOException e) {
            throw InvalidInput.malformed("could not be read to its end: " + e.getMessage());
        }
    }

    /** What is kept of each user of the request: what a failure repeats, and why it failed before any write. */
    record Item(String emailId, String firstName, List<Failure> failures) {
    }

    /** Why a user was not created, as seed 002 writes it: {@code msg} and {@code code}. */
    record Failure(String msg, int code) {
    }

    @SuppressWarnings("unchecked")
    private static List<Failure> cast(Object item) {
        return (List<Failure>) item;
    }

    /** One user of the request as a {@link NewUser}, or the failures that keep it from being created. */
    private static Object command(JsonObject object, Set<String> seen) {
        JsonInput user = JsonInput.of(object);
        List<Failure> failures = new ArrayList<>();
        for (String field : user.fields()) {
            if (!USER_FIELDS.contains(field)) {
                failures.add(new Failure(field + ": is not a field of a user; fields are "
                        + String.join(", ", USER_FIELDS.stream().sorted().toList()), 400));
            }
        }
        if (!(object.get("userInfo") instanceof JsonObject userInfo)) {
            failures.add(object.containsKey("userInfo") && !object.isNull("userInfo")
                    ? new Failure("userInfo: must be an object", 400) : new Failure(EMAIL_REQUIRED, 400));
            return failures;
        }
        JsonInput info = JsonInput.of(userInfo);
        for (String field : info.fields()) {
            if (!INFO_FIELDS.contains(field)) {
                failures.add(new Failure("userInfo." + field + ": is not a field of userInfo", 400));
            }
        }
        String email = info.string("emailId", ANY);
        if (email == null || email.isBlank()) {
            failures.add(new Failure(info.has("emailId") && !info.valid() ? INVALID_EMAIL : EMAIL_REQUIRED, 400));
            return failures;
        }
        email = email.strip();
        if (!seen.add(email.toLowerCase(Locale.ROOT))) {
            failures.add(new Failure(DUPLICATE_EMAIL, 400));
        }
        Map<Attribute, Value<String>> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (attribute.kore() && info.has(attribute.field())) {
                attributes.put(attribute, info.text(attribute.field(), ANY));
            }
        }
        UserCommand fields = new UserCommand(Value.of(email), info.text("firstName", ANY), info.text("lastName", ANY),
                Value.absent(), info.text("country", ANY), Value.absent(), Value.absent(), Value.absent(),
                Value.absent(), Value.absent(), Value.absent(), Value.absent(), Value.absent(), attributes,
                orTrue(user.flag("canCreateBot")), orTrue(user.flag("isDeveloper")),
                user.texts("assignBotTasks", MAX_ITEMS, ANY));
        List<String> groups = user.strings("groups", MAX_ITEMS, ANY);
        List<Grant> grants = new ArrayList<>();
        List<JsonInput> roles = user.objects("roles");
        for (int i = 0; roles != null && i < roles.size(); i++) {
            JsonInput role = roles.get(i);
            String roleId = role.requiredString("roleId", ANY);
            String botId = role.requiredString("botId", ANY);
            for (String field : role.fields()) {
                if (!field.equals("roleId") && !field.equals("botId")) {
                    role.fail(field, "is not a field of a role; send roleId and botId");
                }
            }
            if (botId != null && !UserRules.BOT_ID.matcher(botId).matches()) {
                role.fail("botId", "must be 1 to 128 characters without control characters");
            }
            grants.add(new Grant(roleId, botId, null, null));
        }
        Boolean sendEmail = user.bool("sendEmail");
        failures.addAll(unreadable(user, ""));
        failures.addAll(unreadable(info, "userInfo."));
        if (!failures.isEmpty()) {
            return failures;
        }
        return new NewUser(email, new ProvisionCommand(fields, Value.of(grants)), groups,
                sendEmail == null || sendEmail ? Service.KORE : null);
    }

    /** A flag that defaults to true: left out or null, it is true. */
    private static Value<Boolean> orTrue(Value<Boolean> flag) {
        return flag.problem() == null && flag.value() == null ? Value.of(true) : flag;
    }

    /** A failure for each field of {@code input} that could not be read, named after {@code prefix}. */
    private static List<Failure> unreadable(JsonInput input, String prefix) {
        try {
            input.check();
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.fields().stream().map(f -> new Failure(prefix + f.field() + ": " + f.message(), 400))
                    .toList();
        }
    }

    /** The reasons a user was not created, in seed 002's terms; none when it was. */
    private static List<Failure> failures(Provisioning.Outcome outcome) {
        if (!(outcome instanceof Provisioning.Refused refused)) {
            return List.of();
        }
        RosterException reason = refused.reason();
        if (reason instanceof Conflict) {
            return List.of(new Failure(USER_EXISTS, 409));
        }
        if (reason.fields().isEmpty()) {
            return List.of(new Failure(reason.detail(), reason.status()));
        }
        List<Failure> failures = new ArrayList<>();
        for (FieldError error : reason.fields()) {
            failures.add(new Failure(message(error), reason.status()));
        }
        return failures;
    }

    private static String message(FieldError error) {
        String field = error.field();
        if (field.equals("email")) {
            return INVALID_EMAIL;
        }
        if (field.equals("groups")) {
            return INVALID_GROUP;
        }
        if (ROLE_FIELD.matcher(field).matches()) {
            return INVALID_ROLE;
        }
        Matcher privilege = PRIVILEGE_FIELD.matcher(field);
        String named = privilege.matches() ? "roles[" + privilege.group(1) + "]"
                : field.equals("botTasks") ? "assignBotTasks"
                : field.equals("canCreateBot") || field.equals("isDeveloper") ? field
                : "userInfo." + field;
        return named + ": " + error.message();
    }

    /** A {@code failedUserDetails} entry: the user's {@code emailId} and {@code firstName} as sent, and why. */
    private static JsonObject failedUser(Item item, List<Failure> failures) {
        JsonObjectBuilder details = Json.createObjectBuilder();
        if (item.emailId() == null) {
            details.addNull("emailId");
        } else {
            details.add("emailId", item.emailId());
        }
        if (item.firstName() != null) {
            details.add("firstName", item.firstName());
        }
        JsonArrayBuilder errors = Json.createArrayBuilder();
        failures.forEach(f -> errors.add(Json.createObjectBuilder().add("msg", f.msg()).add("code", f.code())));
        details.add("status", "failure").add("reason", Json.createObjectBuilder().add("errors", errors));
        return Json.createObjectBuilder().add("userInfo", details).build();
    }
}
