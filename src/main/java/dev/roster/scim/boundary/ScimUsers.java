package dev.roster.scim.boundary;

import static dev.roster.scim.boundary.ScimJson.ENTERPRISE;
import static dev.roster.scim.boundary.ScimJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.caller.Caller;
import dev.roster.directory.control.Groups;
import dev.roster.directory.control.Memberships;
import dev.roster.directory.entity.Group;
import dev.roster.directory.entity.Membership;
import dev.roster.platform.Value;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.privilege.entity.Privilege;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.provisioning.control.ProvisionCommand;
import dev.roster.user.control.UserCommand;
import dev.roster.user.control.Users;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Roster's users as SCIM Users (RFC 7643 sections 4.1 and 4.3) and back. A user has one e-mail address (of type
 * {@code work}, primary), a {@code work}, {@code mobile} and {@code fax} phone number, and one {@code work} address;
 * {@code roles} are its tenant-wide roles (the role's id as {@code value}, its name as {@code display}); the
 * enterprise {@code organization} and {@code department} are Kore.ai's {@code companyName} and {@code dept}.
 * {@code name.formatted} is made from the parts and is not stored; {@code groups} are read-only; a password is
 * written and never read.
 */
@ApplicationScoped
class ScimUsers {

    /** The attributes a client writes, as top-level keys ({@code enterprise:} for the extension's). */
    static final List<String> WRITABLE = List.of("userName", "externalId", "name", "displayName", "nickName", "title",
            "userType", "preferredLanguage", "locale", "timezone", "active", "emails", "phoneNumbers", "addresses",
            "roles", "password", "enterprise:employeeNumber", "enterprise:costCenter", "enterprise:organization",
            "enterprise:division", "enterprise:department", "enterprise:manager");
    /** Every attribute name of a user, by its lower case: clients may write them in any case. */
    static final Map<String, String> CANONICAL = canonical(List.of("schemas", "id", "externalId", "userName", "name",
            "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix",
            "displayName", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "active",
            "password", "emails", "phoneNumbers", "addresses", "value", "type", "primary", "display", "streetAddress",
            "locality", "region", "postalCode", "country", "groups", "roles", "employeeNumber", "costCenter",
            "organization", "division", "department", "manager", "displayName", "meta", ENTERPRISE, "$ref"));
    static final Map<String, Attribute> PHONES = Map.of("work", Attribute.WORKNUMBER, "mobile", Attribute.MOBILE,
            "fax", Attribute.FAX);
    static final Map<String, Attribute> ENTERPRISE_TEXTS = Map.of("employeeNumber", Attribute.EMPLOYEE_NUMBER,
            "costCenter", Attribute.COST_CENTER, "organization", Attribute.COMPANY_NAME, "division",
            Attribute.DIVISION, "department", Attribute.DEPT);
    static final Map<String, Attribute> TEXTS = Map.of("externalId", Attribute.EXTERNAL_ID, "displayName",
            Attribute.DISPLAY_NAME, "nickName", Attribute.NICK_NAME, "title", Attribute.TITLE, "userType",
            Attribute.USER_TYPE, "preferredLanguage", Attribute.PREFERRED_LANGUAGE, "locale", Attribute.LOCALE);
    static final Map<String, Attribute> NAME_PARTS = Map.of("middleName", Attribute.MIDDLE_NAME, "honorificPrefix",
            Attribute.HONORIFIC_PREFIX, "honorificSuffix", Attribute.HONORIFIC_SUFFIX);
    static final int MAX_ROLES = 50;

    @Inject
    Users users;

    @Inject
    Memberships memberships;

    @Inject
    Groups groups;

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @Inject
    Caller caller;

    /** The caller's tenant's user with this id, or 404. */
    User find(String id) {
        List<User> found = id == null || id.length() > 36 ? List.of() : users.byIds(List.of(id));
        return found.stream().filter(u -> u.tenantId().equals(caller.tenant().id())).findFirst()
                .orElseThrow(() -> new NotFound("this tenant has no user " + id));
    }

    static String etag(User user) {
        return Users.etag(user);
    }

    static URI location(URI base, User user) {
        return base.resolve("v2/Users/" + user.id());
    }

    ObjectNode render(User user, URI base) {
        return render(List.of(user), base, true, true).get(0);
    }

    /** The users as SCIM resources; their groups and roles only when asked for (each costs one query for all). */
    List<ObjectNode> render(List<User> list, URI base, boolean withGroups, boolean withRoles) {
        Map<String, List<Membership>> joined = withGroups ? memberships.of(list) : Map.of();
        Map<String, Group> groupsById = new HashMap<>();
        if (withGroups) {
            List<String> ids = joined.values().stream().flatMap(List::stream)
                    .filter(m -> m.kind() == Membership.Kind.GROUP).map(Membership::containerId).distinct().toList();
            groups.byIds(ids).forEach(g -> groupsById.put(g.id(), g));
        }
        Map<String, List<Privilege>> held = withRoles ? privileges.heldBy(list) : Map.of();
        Map<String, String> roleNames = withRoles && !list.isEmpty() ? roles.names(caller.tenant().id()) : Map.of();
        List<ObjectNode> rendered = new ArrayList<>(list.size());
        for (User user : list) {
            ObjectNode node = resource(user, base);
            if (withGroups) {
                ArrayNode array = node.putArray("groups");
                for (Membership membership : joined.getOrDefault(user.id(), List.of())) {
                    Group group = groupsById.get(membership.containerId());
                    if (group != null) {
                        array.addObject().put("value", group.id()).put("$ref", ScimGroups.location(base, group)
                                .toString()).put("display", group.displayName()).put("type", "direct");
                    }
                }
            }
            if (withRoles) {
                ArrayNode array = node.putArray("roles");
                Set<String> seen = new LinkedHashSet<>();
                held.getOrDefault(user.id(), List.of()).stream().filter(p -> p.scope() == null)
                        .map(Privilege::role).sorted().forEach(seen::add);
                seen.forEach(role -> array.addObject().put("value", role)
                        .put("display", roleNames.getOrDefault(role, role)));
            }
            rendered.add(node);
        }
        return rendered;
    }

    private static ObjectNode resource(User user, URI base) {
        ObjectNode node = NODES.objectNode();
        ObjectNode enterprise = NODES.objectNode();
        ENTERPRISE_TEXTS.forEach((name, attribute) -> put(enterprise, name, user.attribute(attribute)));
        if (user.manager() != null) {
            enterprise.putObject("manager").put("value", user.manager().id())
                    .put("$ref", location(base, user.manager()).toString())
                    .put("displayName", user.manager().username());
        }
        node.set("schemas", enterprise.isEmpty() ? ScimJson.schemas(ScimJson.USER_SCHEMA)
                : ScimJson.schemas(ScimJson.USER_SCHEMA, ENTERPRISE));
        node.put("id", user.id());
        put(node, "externalId", user.attribute(Attribute.EXTERNAL_ID));
        node.put("userName", user.username());
        ObjectNode name = NODES.objectNode();
        put(name, "givenName", user.firstName());
        put(name, "familyName", user.lastName());
        NAME_PARTS.forEach((part, attribute) -> put(name, part, user.attribute(attribute)));
        if (!name.isEmpty()) {
            String formatted = Stream.of(user.attribute(Attribute.HONORIFIC_PREFIX),
                    user.firstName(), user.attribute(Attribute.MIDDLE_NAME), user.lastName(),
                    user.attribute(Attribute.HONORIFIC_SUFFIX)).filter(p -> p != null && !p.isBlank())
                    .collect(Collectors.joining(" "));
            name.put("formatted", formatted);
            node.set("name", name);
        }
        TEXTS.forEach((field, attribute) -> {
            if (attribute != Attribute.EXTERNAL_ID) {
                put(node, field, user.attribute(attribute));
            }
        });
        put(node, "timezone", user.timeZone());
        node.put("active", user.status() == UserStatus.ACTIVE);
        if (user.email() != null) {
            node.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
        }
        ArrayNode phones = NODES.arrayNode();
        for (String type : List.of("work", "mobile", "fax")) {
            String number = user.attribute(PHONES.get(type));
            if (number != null) {
                phones.addObject().put("value", number).put("type", type);
            }
        }
        if (!phones.isEmpty()) {
            node.set("phoneNumbers", phones);
        }
        ObjectNode address = NODES.objectNode();
        put(address, "streetAddress", user.attribute(Attribute.STREET));
        put(address, "locality", user.attribute(Attribute.CITY));
        put(address, "region", user.attribute(Attribute.STATE));
        put(address, "postalCode", user.attribute(Attribute.ZIP));
        put(address, "country", user.country());
        if (!address.isEmpty()) {
            address.put("type", "work").put("primary", true);
            node.putArray("addresses").add(address);
        }
        if (!enterprise.isEmpty()) {
            node.set(ENTERPRISE, enterprise);
        }
        node.set("meta", ScimJson.meta("User", user.createdAt(), user.updatedAt(), location(base, user), etag(user)));
        return node;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /**
     * What a body asks of a user: every writable attribute when {@code changed} is null (a POST or PUT: one left out
     * is cleared, but for the e-mail address, {@code roles} and {@code password}), else only those named in it (a
     * PATCH). {@code existing} is null for a new user. A username that
     * differs from the existing one (in more than case) is refused: Roster's usernames do not change.
     */
    ProvisionCommand command(ObjectNode node, Set<String> changed, User existing) {
        ScimJson.canonical(node, CANONICAL);
        Reader in = new Reader(node, changed);
        String userName = ScimJson.text(node.get("userName"), "userName");
        if (existing == null || in.named("userName")) {
            if (userName == null || userName.isBlank()) {
                throw new InvalidInput("userName", "is required");
            }
            if (existing != null && !userName.strip().equalsIgnoreCase(existing.username())) {
                throw InvalidInput.immutable("userName", "Roster's usernames do not change: this user is "
                        + existing.username());
            }
        }
        Map<Attribute, Value<String>> texts = new EnumMap<>(Attribute.class);
        TEXTS.forEach((field, attribute) -> {
            if (in.named(field)) {
                texts.put(attribute, Value.of(ScimJson.text(node.get(field), field)));
            }
        });
        Value<String> first = Value.absent();
        Value<String> last = Value.absent();
        if (in.named("name")) {
            JsonNode name = object(node.get("name"), "name");
            first = Value.of(ScimJson.text(name.get("givenName"), "name.givenName"));
            last = Value.of(ScimJson.text(name.get("familyName"), "name.familyName"));
            NAME_PARTS.forEach((part, attribute) -> texts.put(attribute,
                    Value.of(ScimJson.text(name.get(part), "name." + part))));
        }
        Value<String> email = Value.absent();
        if (in.named("emails")) {
            String address = email(node.get("emails"));
            if (address != null) {
                email = Value.of(address);
            } else if (existing == null && userName != null && userName.contains("@")) {
                email = Value.of(userName.strip());
            } else if (existing == null) {
                throw new InvalidInput("emails", "Roster needs an e-mail address for each user; send one in emails, "
                        + "or a userName that is one");
            }
        }
        if (in.named("phoneNumbers")) {
            phones(node.get("phoneNumbers"), texts);
        }
        Value<String> country = Value.absent();
        if (in.named("addresses")) {
            JsonNode address = address(node.get("addresses"));
            texts.put(Attribute.STREET, Value.of(ScimJson.text(address.get("streetAddress"),
                    "addresses.streetAddress")));
            texts.put(Attribute.CITY, Value.of(ScimJson.text(address.get("locality"), "addresses.locality")));
            texts.put(Attribute.STATE, Value.of(ScimJson.text(address.get("region"), "addresses.region")));
            texts.put(Attribute.ZIP, Value.of(ScimJson.text(address.get("postalCode"), "addresses.postalCode")));
            country = Value.of(ScimJson.text(address.get("country"), "addresses.country"));
        }
        JsonNode enterprise = object(node.get(ENTERPRISE), ENTERPRISE);
        ENTERPRISE_TEXTS.forEach((field, attribute) -> {
            if (in.named("enterprise:" + field)) {
                texts.put(attribute, Value.of(ScimJson.text(enterprise.get(field), field)));
            }
        });
        Value<String> manager = in.named("enterprise:manager") ? Value.of(manager(enterprise.get("manager")))
                : Value.absent();
        Value<String> timeZone = in.named("timezone") ? Value.of(ScimJson.text(node.get("timezone"), "timezone"))
                : Value.absent();
        Value<String> password = Value.absent();
        if (in.named("password")) {
            String clear = ScimJson.text(node.get("password"), "password");
            password = clear == null ? Value.absent() : Value.of(clear);
        }
        UserCommand fields = new UserCommand(email, first, last, timeZone, country, Value.absent(), Value.absent(),
                Value.absent(), Value.absent(), Value.absent(), manager, password, Value.absent(), texts,
                Value.absent(), Value.absent(), Value.absent());
        Value<Boolean> active = Value.absent();
        if (in.named("active")) {
            Boolean flag = ScimJson.flag(node.get("active"), "active");
            active = flag == null ? Value.absent() : Value.of(flag);
        }
        // a PUT that leaves roles out keeps them (identity providers rarely manage roles, and a PUT without them
        // would revoke every privilege); a PATCH that removes them revokes them
        Value<List<String>> tenantRoles = in.named("roles") && (changed != null || node.has("roles"))
                ? Value.of(roleValues(node.get("roles"))) : Value.absent();
        return new ProvisionCommand(fields, Value.absent(), Value.absent(), tenantRoles, active);
    }

    /** Which attributes a body names: all of them, or those a PATCH changed. */
    private record Reader(ObjectNode node, Set<String> changed) {
        boolean named(String attribute) {
            return changed == null || changed.contains(attribute);
        }
    }

    /** The writable attributes whose value differs between two renderings (what a PATCH changed). */
    static Set<String> changed(ObjectNode before, ObjectNode after) {
        Set<String> changed = new LinkedHashSet<>();
        for (String attribute : WRITABLE) {
            JsonNode was;
            JsonNode now;
            if (attribute.startsWith("enterprise:")) {
                String field = attribute.substring("enterprise:".length());
                was = before.path(ENTERPRISE).path(field);
                now = after.path(ENTERPRISE).path(field);
            } else {
                was = before.path(attribute);
                now = after.path(attribute);
            }
            if (!was.equals(now)) {
                changed.add(attribute);
            }
        }
        return changed;
    }

    private static JsonNode object(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw new InvalidInput(field, "must be an object");
        }
        return node;
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInput(field, "must be an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(element -> elements.add(object(element, field)));
        return elements;
    }

    /** The address Roster keeps: the primary one, else the work one, else the only one. */
    private static String email(JsonNode emails) {
        List<JsonNode> all = array(emails, "emails");
        JsonNode chosen = all.stream().filter(e -> Boolean.TRUE.equals(ScimJson.flag(e.get("primary"), "primary")))
                .findFirst().orElse(all.stream().filter(e -> "work".equalsIgnoreCase(ScimJson.text(e.get("type"),
                        "emails.type"))).findFirst().orElse(all.isEmpty() ? null : all.get(0)));
        return chosen == null ? null : ScimJson.text(chosen.get("value"), "emails.value");
    }

    private static void phones(JsonNode numbers, Map<Attribute, Value<String>> texts) {
        PHONES.values().forEach(attribute -> texts.put(attribute, Value.of(null)));
        for (JsonNode number : array(numbers, "phoneNumbers")) {
            String type = ScimJson.text(number.get("type"), "phoneNumbers.type");
            Attribute attribute = PHONES.get(type == null ? "work" : type.toLowerCase(Locale.ROOT));
            if (attribute == null) {
                throw new InvalidInput("phoneNumbers", "Roster keeps a work, a mobile and a fax number; a phone "
                        + "number of type " + type + " has no place");
            }
            texts.put(attribute, Value.of(ScimJson.text(number.get("value"), "phoneNumbers.value")));
        }
    }

    private static JsonNode address(JsonNode addresses) {
        List<JsonNode> all = array(addresses, "addresses");
        if (all.size() > 1) {
            throw new InvalidInput("addresses", "Roster keeps one address, of type work; this request sends "
                    + all.size());
        }
        JsonNode address = all.isEmpty() ? NODES.objectNode() : all.get(0);
        String type = ScimJson.text(address.get("type"), "addresses.type");
        if (type != null && !type.equalsIgnoreCase("work")) {
            throw new InvalidInput("addresses", "Roster keeps one address, of type work, not " + type);
        }
        return address;
    }

    /** The manager's username, from its id ({@code {"value": id}}, or the id alone as Entra ID sends it). */
    private String manager(JsonNode manager) {
        String id = manager != null && manager.isObject() ? ScimJson.text(manager.get("value"), "manager.value")
                : ScimJson.text(manager, "manager");
        if (id == null || id.isBlank()) {
            return null;
        }
        List<User> found = id.length() > 36 ? List.of() : users.byIds(List.of(id.strip()));
        return found.stream().filter(u -> u.tenantId().equals(caller.tenant().id())).findFirst()
                .map(User::username).orElseThrow(() -> new InvalidInput("manager", "there is no user with the id "
                        + id + " in this tenant"));
    }

    private static List<String> roleValues(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInput("roles", "must be an array");
        }
        if (node.size() > MAX_ROLES) {
            throw new InvalidInput("roles", "holds more than " + MAX_ROLES + " roles");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode role : node) {
            String value = role.isObject() ? ScimJson.text(role.get("value"), "roles.value")
                    : ScimJson.text(role, "roles");
            if (value == null && role.isObject()) {
                value = ScimJson.text(role.get("display"), "roles.display");
            }
            if (value == null || value.isBlank()) {
                throw new InvalidInput("roles", "each role needs a value: a role's id or name");
            }
            values.add(value.strip());
        }
        return values;
    }

    private static Map<String, String> canonical(List<String> names) {
        Map<String, String> canonical = new HashMap<>();
        names.forEach(name -> canonical.put(name.toLowerCase(Locale.ROOT), name));
        return Map.copyOf(canonical);
    }
}
