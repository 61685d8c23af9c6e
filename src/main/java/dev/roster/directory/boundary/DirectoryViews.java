package dev.roster.directory.boundary;

import dev.roster.directory.control.GroupCommand;
import dev.roster.directory.control.Memberships;
import dev.roster.directory.control.OrganizationCommand;
import dev.roster.directory.entity.Group;
import dev.roster.directory.entity.Organization;
import dev.roster.platform.JsonInput;
import jakarta.annotation.Nullable;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Set;

/** The native API's representations of the directory, and the readers of its request bodies. */
public final class DirectoryViews {

    /** Values are length-checked by the controls; this only bounds what is read. */
    static final int ANY = 65_536;

    private DirectoryViews() {
    }

    /** A group. */
    @JsonbPropertyOrder({"id", "displayName", "description", "externalId", "memberCount", "createdAt", "updatedAt"})
    public record GroupView(String id, String displayName, @Nullable String description, @Nullable String externalId,
                            int memberCount, Instant createdAt, Instant updatedAt) {
        public static GroupView from(Group group) {
            return new GroupView(group.id(), group.displayName(), group.description(), group.externalId(),
                    group.memberCount(), group.createdAt(), group.updatedAt());
        }
    }

    /** An organization. */
    @JsonbPropertyOrder({"id", "name", "externalId", "parentId", "memberCount", "createdAt", "updatedAt"})
    public record OrganizationView(String id, String name, @Nullable String externalId, @Nullable String parentId,
                                   int memberCount, Instant createdAt, Instant updatedAt) {
        public static OrganizationView from(Organization organization) {
            return new OrganizationView(organization.id(), organization.name(), organization.externalId(),
                    organization.parentId(), organization.memberCount(), organization.createdAt(),
                    organization.updatedAt());
        }
    }

    /** A member of a group or an organization. */
    @JsonbPropertyOrder({"id", "username", "email", "firstName", "lastName", "status", "addedAt"})
    public record MemberView(String id, String username, String email, @Nullable String firstName,
                             @Nullable String lastName, String status, Instant addedAt) {
        public static MemberView from(Memberships.Member member) {
            return new MemberView(member.user().id(), member.user().username(), member.user().email(),
                    member.user().firstName(), member.user().lastName(), member.user().status().name(),
                    member.addedAt());
        }
    }

    /** A group on a user's representation. */
    @JsonbPropertyOrder({"id", "displayName"})
    public record GroupRef(String id, String displayName) {
        public static GroupRef from(Group group) {
            return new GroupRef(group.id(), group.displayName());
        }
    }

    /** An organization on a user's representation. */
    @JsonbPropertyOrder({"id", "name"})
    public record OrganizationRef(String id, String name) {
        public static OrganizationRef from(Organization organization) {
            return new OrganizationRef(organization.id(), organization.name());
        }
    }

    static GroupCommand group(JsonObject body) {
        JsonInput in = only(body, "group", Set.of("displayName", "description", "externalId"),
                Set.of("id", "memberCount", "createdAt", "updatedAt"));
        GroupCommand command = new GroupCommand(in.text("displayName", ANY), in.text("description", ANY),
                in.text("externalId", ANY));
        in.check();
        return command;
    }

    static OrganizationCommand organization(JsonObject body) {
        JsonInput in = only(body, "organization", Set.of("name", "externalId", "parentId"),
                Set.of("id", "memberCount", "createdAt", "updatedAt"));
        OrganizationCommand command = new OrganizationCommand(in.text("name", ANY), in.text("externalId", ANY),
                in.text("parentId", ANY));
        in.check();
        return command;
    }

    /** The body's reader, refusing any field that is neither writable nor read-only (so a typo is never lost). */
    private static JsonInput only(JsonObject body, String what, Set<String> writable, Set<String> readOnly) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!writable.contains(field) && !readOnly.contains(field)) {
                in.fail(field, "is not a field of " + (what.startsWith("o") ? "an " : "a ") + what
                        + "; writable fields are " + String.join(", ", writable.stream().sorted().toList()));
            }
        }
        return in;
    }
}
