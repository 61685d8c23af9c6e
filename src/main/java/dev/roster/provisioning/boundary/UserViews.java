package dev.roster.provisioning.boundary;

import dev.roster.apikey.boundary.ApiKeyView;
import dev.roster.apikey.control.ApiKeys;
import dev.roster.apikey.entity.ApiKey;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.privilege.entity.Privilege;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Builds the native API's user representation from what the user, privilege and API key controls answer. */
@RequestScoped
public class UserViews {

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @Inject
    ApiKeys apiKeys;

    public UserView of(User user) {
        return of(List.of(user)).get(0);
    }

    /** The users' views with two queries for all of them: their privileges and their active keys. */
    public List<UserView> of(List<User> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<String, List<Privilege>> held = privileges.heldBy(users);
        Map<String, List<ApiKey>> keys = apiKeys.activeOf(users);
        Map<String, String> names = roles.namesFor(users.get(0).tenantId(),
                held.values().stream().flatMap(List::stream).toList());
        return users.stream().map(u -> UserView.from(u, held.getOrDefault(u.id(), List.of()), names,
                keys.getOrDefault(u.id(), List.of()).stream().map(ApiKeyView::from).toList())).toList();
    }
}
