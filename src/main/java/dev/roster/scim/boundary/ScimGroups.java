package dev.roster.scim.boundary;

import static dev.roster.scim.boundary.ScimJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.roster.directory.control.GroupCommand;
import dev.roster.directory.control.Groups;
import dev.roster.directory.control.Memberships;
import dev.roster.directory.entity.Group;
import dev.roster.platform.Value;
import dev.roster.problem.InvalidInput;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roster's groups as SCIM Groups (RFC 7643 section 4.2) and back: {@code displayName}, {@code externalId} and
 * {@code members} (users, by id). A PATCH of members is applied as additions and removals by id, never by reading
 * and rewriting every member, so a group of many thousands changes as fast as a small one.
 */
final class ScimGroups {

    static final Map<String, String> CANONICAL = Map.of("schemas", "schemas", "id", "id", "externalid", "externalId",
            "displayname", "displayName", "members", "members", "value", "value", "display", "display", "type", "type",
            "$ref", "$ref", "meta", "meta");
    static final int MAX_MEMBERS_PER_REQUEST = 10_000;

    private ScimGroups() {
    }

    static URI location(URI base, Group group) {
        return base.resolve("v2/Groups/" + group.id());
    }

    /** The group; its members only when asked for ({@code members} is null otherwise). */
    static ObjectNode render(Group group, URI base, List<Memberships.Ref> members) {
        ObjectNode node = NODES.objectNode();
        node.set("schemas", ScimJson.schemas(ScimJson.GROUP_SCHEMA));
        node.put("id", group.id());
        if (group.externalId() != null) {
            node.put("externalId", group.externalId());
        }
        node.put("displayName", group.displayName());
        if (members != null) {
            ArrayNode array = node.putArray("members");
            for (Memberships.Ref member : members) {
                array.addObject().put("value", member.userId()).put("$ref", base.resolve("v2/Users/"
                        + member.userId()).toString()).put("display", member.username()).put("type", "User");
            }
        }
        node.set("meta", ScimJson.meta("Group", group.createdAt(), group.updatedAt(), location(base, group),
                Groups.etag(group)));
        return node;
    }

    /** A group as a POST or PUT writes it: its fields, and its exact members. */
    record Written(GroupCommand command, Set<String> members) {
    }

    static Written read(ObjectNode node) {
        ScimJson.canonical(node, CANONICAL);
        String displayName = ScimJson.text(node.get("displayName"), "displayName");
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInput("displayName", "is required");
        }
        GroupCommand command = new GroupCommand(Value.of(displayName), Value.absent(),
                Value.of(ScimJson.text(node.get("externalId"), "externalId")));
        return new Written(command, ids(node.get("members")));
    }

    /** A PATCH request's operations, applied in order, as one change of fields and members. */
    record Patch(GroupCommand command, Groups.MemberChange members) {
    }

    static Patch patch(ObjectNode body) {
        Changes changes = new Changes();
        for (PatchOperation operation : ScimPatch.operations(body)) {
            changes.apply(operation);
        }
        return new Patch(new GroupCommand(changes.displayName, Value.absent(), changes.externalId),
                new Groups.MemberChange(changes.exactly, changes.added, changes.removed));
    }

    /** What the operations so far ask; members as an exact set once one replaces them all. */
    private static final class Changes {
        Value<String> displayName = Value.absent();
        Value<String> externalId = Value.absent();
        Set<String> exactly;
        final Set<String> added = new LinkedHashSet<>();
        final Set<String> removed = new LinkedHashSet<>();

        void apply(PatchOperation operation) {
            Path path = operation.getPath();
            PatchOpType type = operation.getOpType();
            JsonNode value = operation.getJsonNode();
            if (path == null || path.isRoot()) {
                if (type == PatchOpType.REMOVE || value == null || !value.isObject()) {
                    throw InvalidInput.path("path", "an operation without a path must add or replace with an object "
                            + "of attributes");
                }
                ObjectNode attributes = ((ObjectNode) value).deepCopy();
                ScimJson.canonical(attributes, CANONICAL);
                attributes.remove(List.of("schemas", "id", "meta")); // Okta's rename repeats the group's id
                attributes.fieldNames().forEachRemaining(name -> {
                    if (!List.of("displayName", "externalId", "members").contains(name)) {
                        throw InvalidInput.path(name, "is not a writable attribute of a group");
                    }
                });
                if (attributes.has("displayName")) {
                    displayName(type, attributes.get("displayName"));
                }
                if (attributes.has("externalId")) {
                    externalId = Value.of(ScimJson.text(attributes.get("externalId"), "externalId"));
                }
                if (attributes.has("members")) {
                    members(type, attributes.get("members"), null);
                }
                return;
            }
            String attribute = ScimFilter.key(path.getSchemaUrn() == null ? path.getElement(0).getAttribute()
                    : path.getSchemaUrn() + ":" + path.getElement(0).getAttribute());
            if (path.size() > 1) {
                throw InvalidInput.path("path", path + " cannot be changed: write displayName, externalId or "
                        + "members");
            }
            switch (attribute) {
                case "displayname" -> displayName(type, value);
                case "externalid" -> externalId = Value.of(type == PatchOpType.REMOVE ? null
                        : ScimJson.text(value, "externalId"));
                case "members" -> members(type, value, path.getElement(0).getValueFilter());
                default -> throw InvalidInput.path("path", path + " is not an attribute of a group: write "
                        + "displayName, externalId or members");
            }
        }

        private void displayName(PatchOpType type, JsonNode value) {
            String name = type == PatchOpType.REMOVE ? null : ScimJson.text(value, "displayName");
            if (name == null || name.isBlank()) {
                throw new InvalidInput("displayName", "is required and cannot be removed");
            }
            displayName = Value.of(name);
        }

        private void members(PatchOpType type, JsonNode value, Filter filter) {
            if (filter != null) {
                if (type != PatchOpType.REMOVE) {
                    throw InvalidInput.path("path", "a value filter on members only selects members to remove");
                }
                remove(filtered(filter));
                return;
            }
            switch (type) {
                case ADD -> add(ids(value));
                case REPLACE -> {
                    exactly = new LinkedHashSet<>(ids(value));
                    added.clear();
                    removed.clear();
                }
                case REMOVE -> {
                    if (value == null || value.isNull()) {
                        exactly = new LinkedHashSet<>();
                        added.clear();
                        removed.clear();
                    } else {
                        remove(ids(value));
                    }
                }
                default -> throw new InvalidInput("op", "is add, replace or remove");
            }
        }

        private void add(Set<String> ids) {
            if (exactly != null) {
                exactly.addAll(ids);
            } else {
                removed.removeAll(ids);
                added.addAll(ids);
            }
        }

        private void remove(Set<String> ids) {
            if (exactly != null) {
                exactly.removeAll(ids);
            } else {
                added.removeAll(ids);
                removed.addAll(ids);
            }
        }
    }

    /** The member ids a value filter names: {@code value eq "id"}, or several joined by {@code or}. */
    private static Set<String> filtered(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        List<Filter> terms = filter instanceof OrFilter ? filter.getCombinedFilters() : List.of(filter);
        for (Filter term : terms) {
            if (!(term instanceof EqualFilter equal) || equal.getAttributePath().size() != 1
                    || !equal.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value")
                    || equal.getComparisonValue() == null || !equal.getComparisonValue().isTextual()) {
                throw InvalidInput.filter("members are selected by value eq \"<id>\" (several joined by or), not by "
                        + filter);
            }
            ids.add(equal.getComparisonValue().asText());
        }
        return ids;
    }

    /** The ids of members given as {@code [{"value": id}, …]} (or one such object); an empty set for null. */
    static Set<String> ids(JsonNode members) {
        Set<String> ids = new LinkedHashSet<>();
        if (members == null || members.isNull() || members.isMissingNode()) {
            return ids;
        }
        List<JsonNode> list = new ArrayList<>();
        if (members.isArray()) {
            members.forEach(list::add);
        } else {
            list.add(members);
        }
        if (list.size() > MAX_MEMBERS_PER_REQUEST) {
            throw new InvalidInput("members", "holds more than " + MAX_MEMBERS_PER_REQUEST + " members; send them in "
                    + "several requests");
        }
        for (JsonNode member : list) {
            if (member.isObject()) {
                ScimJson.canonical(member, CANONICAL);
            }
            String id = member.isObject() ? ScimJson.text(member.get("value"), "members.value") : null;
            if (id == null || id.isBlank()) {
                throw new InvalidInput("members", "each member is an object with the user's id as value");
            }
            ids.add(id.strip());
        }
        return ids;
    }
}
