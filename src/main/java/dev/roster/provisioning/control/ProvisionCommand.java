package dev.roster.provisioning.control;

import dev.roster.platform.Value;
import dev.roster.privilege.control.Grant;
import dev.roster.user.control.UserCommand;
import java.util.List;

/**
 * Provisioning one user in one call: its own fields, optionally the exact set of privileges it holds afterwards
 * (absent: keep them; an empty list: revoke them all), and optionally the identity provider it signs in through (by
 * id; null: none).
 */
public record ProvisionCommand(UserCommand user, Value<List<Grant>> privileges, Value<String> identityProviderId) {

    public ProvisionCommand(UserCommand user, Value<List<Grant>> privileges) {
        this(user, privileges, Value.absent());
    }
}
