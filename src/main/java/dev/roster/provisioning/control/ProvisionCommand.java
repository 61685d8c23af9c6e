package dev.roster.provisioning.control;

import dev.roster.platform.Value;
import dev.roster.privilege.control.Grant;
import dev.roster.user.control.UserCommand;
import java.util.List;

/**
 * Provisioning one user in one call: its own fields, optionally the exact set of privileges it holds afterwards
 * (absent: keep them; an empty list: revoke them all), optionally the identity provider it signs in through (by
 * id; null: none), optionally the exact set of its tenant-wide roles (by id or name; roles scoped to something stay,
 * as SCIM's {@code roles} and Aisera's {@code roles} mean), and optionally whether it is active: false de-provisions
 * it, true restores a de-provisioned user (SCIM's {@code active}).
 */
public record ProvisionCommand(UserCommand user, Value<List<Grant>> privileges, Value<String> identityProviderId,
                               Value<List<String>> tenantRoles, Value<Boolean> active) {

    public ProvisionCommand(UserCommand user, Value<List<Grant>> privileges, Value<String> identityProviderId) {
        this(user, privileges, identityProviderId, Value.absent(), Value.absent());
    }

    public ProvisionCommand(UserCommand user, Value<List<Grant>> privileges) {
        this(user, privileges, Value.absent());
    }
}
