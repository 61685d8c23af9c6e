package dev.roster.provisioning.boundary;

import dev.roster.apikey.boundary.ApiKeyView;
import dev.roster.apikey.control.ApiKeys;
import dev.roster.apikey.entity.ApiKey;
import dev.roster.directory.boundary.DirectoryViews.GroupRef;
import dev.roster.directory.boundary.DirectoryViews.OrganizationRef;
import dev.roster.directory.control.Groups;
import dev.roster.directory.control.Memberships;
import dev.roster.directory.control.Organizations;
import dev.roster.directory.entity.Group;
import dev.roster.directory.entity.Membership;
import dev.roster.directory.entity.Organization;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.privilege.entity.Privilege;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds the native API's user representation from what the user, privilege and API key controls answer. It holds no
 * state of a request, so one instance serves them all (a request-scoped one cost every read a bean creation).
 */
@ApplicationScoped
public class UserViews {

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Memberships memberships;

    @Inject
    Groups groups;

    @Inject
    Organizations organizations;

    public UserView of(User user) {
        return of(List.of(user)).get(0);
    }

    /**
     * The users' views with a few queries for all of them: their privileges, their active keys, and their groups and
     * organizations.
     */
    public List<UserView> of(List<User> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<String, List<Privilege>> held = privileges.heldBy(users);
        Map<String, List<ApiKey>> keys = apiKeys.activeOf(users);
        Directory directory = directory(users);
        Map<String, String> names = roles.namesFor(users.get(0).tenantId(),
                held.values().stream().flatMap(List::stream).toList());
        return users.stream().map(u -> UserView.from(u, held.getOrDefault(u.id(), List.of()), names,
                keys.getOrDefault(u.id(), List.of()).stream().map(ApiKeyView::from).toList(),
                directory.groups(u), directory.organizations(u))).toList();
    }

    /** The users' groups and organizations: one query, and one per kind they belong to. */
    private Directory directory(List<User> users) {
        Map<String, List<Membership>> held = memberships.of(users);
        if (held.isEmpty()) {
            return new Directory(held, Map.of(), Map.of());
        }
        return new Directory(held, groups.byIds(containers(held, Membership.Kind.GROUP)).stream()
                .collect(Collectors.toMap(Group::id, GroupRef::from)),
                organizations.byIds(containers(held, Membership.Kind.ORGANIZATION)).stream()
                        .collect(Collectors.toMap(Organization::id, OrganizationRef::from)));
    }

    private static List<String> containers(Map<String, List<Membership>> held, Membership.Kind kind) {
        return held.values().stream().flatMap(List::stream).filter(m -> m.kind() == kind)
                .map(Membership::containerId).distinct().toList();
    }

    /** What the users belong to, by user id, and the containers by id. */
    private record Directory(Map<String, List<Membership>> held, Map<String, GroupRef> groups,
                             Map<String, OrganizationRef> organizations) {
        List<GroupRef> groups(User user) {
            return held.getOrDefault(user.id(), List.of()).stream().map(m -> groups.get(m.containerId()))
                    .filter(Objects::nonNull).sorted(Comparator.comparing(GroupRef::displayName)).toList();
        }

        List<OrganizationRef> organizations(User user) {
            return held.getOrDefault(user.id(), List.of()).stream().map(m -> organizations.get(m.containerId()))
                    .filter(Objects::nonNull).sorted(Comparator.comparing(OrganizationRef::name)).toList();
        }
    }
}
