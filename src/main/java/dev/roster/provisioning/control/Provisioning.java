package dev.roster.provisioning.control;

import dev.roster.caller.Caller;
import dev.roster.directory.control.IdentityProviders;
import dev.roster.platform.Races;
import dev.roster.privilege.control.Privileges;
import dev.roster.problem.PreconditionFailed;
import dev.roster.user.control.UserCommand;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Provisioning a user in one call and one transaction: its own fields and its privileges together, suspension and
 * de-provisioning with what they imply. Every protocol (the native API, Aisera, Kore.ai, AppXite, SCIM) provisions
 * through here, so each gets the same rules: a race to create the same user ends in one user, a lost update with
 * {@code If-Match} is a 412, and the tenant keeps an administrator.
 */
@ApplicationScoped
public class Provisioning {

    @Inject
    Writes writes;

    /**
     * Creates or updates a user. When a concurrent request created the same user first, the command is applied again
     * as an update; with {@code ifMatch}, a concurrent change is a 412.
     */
    public Users.Saved put(String username, ProvisionCommand command, String ifMatch) {
        try {
            return writes.put(username, command, ifMatch);
        } catch (RuntimeException e) {
            if (ifMatch != null && Races.lostUpdate(e)) {
                throw new PreconditionFailed("the user changed while this request was applied; read it again");
            }
            if (!Races.duplicate(e)) {
                throw e;
            }
            return writes.put(username, command, ifMatch); // another request created it first: now it updates
        }
    }

    /** Revokes every privilege of the user in the tenant and marks it de-provisioned; its tokens stop working. */
    public void deprovision(String username) {
        writes.deprovision(username);
    }

    /** The transactions, each one API call. */
    @ApplicationScoped
    public static class Writes {

        @Inject
        Users users;

        @Inject
        Privileges privileges;

        @Inject
        IdentityProviders identityProviders;

        @Inject
        Caller caller;

        @Transactional
        public Users.Saved put(String username, ProvisionCommand command, String ifMatch) {
            UserCommand fields = command.user();
            if (fields.status().present() && fields.status().value() == UserStatus.SUSPENDED) {
                users.find(caller.tenant().id(), username).filter(u -> u.status() != UserStatus.SUSPENDED)
                        .ifPresent(u -> privileges.keepAnAdministrator(u, "suspending it"));
            }
            Users.Saved saved = users.put(username, fields, ifMatch);
            identityProviders.bind(saved.user(), command.identityProviderId());
            if (command.privileges().present() && saved.created()) {
                privileges.grantAll(saved.user(), command.privileges().value());
            } else if (command.privileges().present()) {
                privileges.replaceAll(saved.user(), command.privileges().value());
            }
            return saved;
        }

        @Transactional
        public void deprovision(String username) {
            User user = users.visible(username);
            privileges.keepAnAdministrator(user, "de-provisioning it");
            List<String> revoked = privileges.revokeAll(user);
            users.markDeprovisioned(user, revoked);
        }
    }
}
