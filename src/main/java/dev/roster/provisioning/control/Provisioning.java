package dev.roster.provisioning.control;

import dev.roster.caller.Caller;
import dev.roster.directory.control.Groups;
import dev.roster.directory.control.IdentityProviders;
import dev.roster.directory.control.Memberships;
import dev.roster.directory.entity.Group;
import dev.roster.invitation.control.Invitations;
import dev.roster.platform.Batches;
import dev.roster.platform.Inserts;
import dev.roster.platform.Races;
import dev.roster.platform.Value;
import dev.roster.privilege.control.Privileges;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.problem.PreconditionFailed;
import dev.roster.problem.RosterException;
import dev.roster.user.control.UserCommand;
import dev.roster.user.control.UserRules;
import dev.roster.user.control.Users;
import dev.roster.user.control.Visibility;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Provisioning a user in one call and one transaction: its own fields and its privileges together, suspension and
 * de-provisioning with what they imply. Every protocol (the native API, Aisera, Kore.ai, AppXite, SCIM) provisions
 * through here, so each gets the same rules: a race to create the same user ends in one user, a lost update with
 * {@code If-Match} is a 412, and the tenant keeps an administrator.
 */
@ApplicationScoped
public class Provisioning {

    /** Users created in one transaction. */
    public static final int CHUNK = 500;

    @Inject
    Writes writes;

    @Inject
    Batches batches;

    /** What became of one user to create. */
    public sealed interface Outcome permits Created, Refused {
    }

    /** The user was created (its id and username: a request of thousands keeps no entity). */
    public record Created(String id, String username) implements Outcome {
    }

    /** The user was not created, for this reason; the others were. */
    public record Refused(RosterException reason) implements Outcome {
    }

    /**
     * Creates many users, {@link #CHUNK} to a transaction, each with the same rules as one: a user that cannot be
     * created (bad input, a username or e-mail address taken, an unknown group or role) is refused on its own, and
     * every other one is created. What needs no database is checked first, and each chunk looks up what it needs
     * in a few queries, then writes its rows in batches.
     */
    public List<Outcome> createAll(List<NewUser> users) {
        List<NewUser> valid = new ArrayList<>(users.size());
        List<Outcome> outcomes = checked(users, valid);
        Iterator<Outcome> created = batches.applyChunks(valid, CHUNK, writes::createAll, Refused::new).iterator();
        outcomes.replaceAll(outcome -> outcome == null ? created.next() : outcome);
        return outcomes;
    }

    /** What needs no database: a refusal per user that fails it, null for one that passes (added to {@code valid}). */
    static List<Outcome> checked(List<NewUser> users, List<NewUser> valid) {
        List<Outcome> outcomes = new ArrayList<>(users.size());
        for (NewUser user : users) {
            try {
                UserRules.checkUsername(user.username());
                UserRules.check(user.provision().user(), true);
                outcomes.add(null);
                valid.add(user);
            } catch (InvalidInput invalid) {
                outcomes.add(new Refused(invalid));
            }
        }
        return outcomes;
    }

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

    /**
     * Creates a user with what the command asks; a username or e-mail address the tenant has already is a 409, also
     * when another request takes it at the same time.
     */
    public Users.Saved create(String username, ProvisionCommand command) {
        try {
            return writes.create(username, command);
        } catch (RuntimeException e) {
            if (Races.duplicate(e)) {
                throw Conflict.notUnique("the tenant has a user with the username " + username
                        + " or its e-mail address already");
            }
            throw e;
        }
    }

    /** Revokes every privilege of the user in the tenant and marks it de-provisioned; its tokens stop working. */
    public void deprovision(String username) {
        writes.deprovision(username);
    }

    /**
     * Provisions the user with this e-mail address (the Aisera style, seed 000): creates it under {@code username},
     * or restores it when it was de-provisioned (its username stays), with its tenant-wide roles exactly
     * {@code roles} (named in the body's {@code rolesField}) when given. A user of the address who is not
     * de-provisioned is a 409.
     */
    public Users.Saved provisionByEmail(String username, UserCommand fields, String rolesField,
                                        Value<List<String>> roles) {
        try {
            return writes.provisionByEmail(username, fields, rolesField, roles);
        } catch (RuntimeException e) {
            if (Races.duplicate(e)) {
                throw Conflict.notUnique("the user was provisioned by another request at the same time");
            }
            throw e;
        }
    }

    /** Updates the user with this e-mail address; {@code roles} (when given) become its tenant-wide roles. */
    public User updateByEmail(String email, UserCommand fields, String rolesField, Value<List<String>> roles) {
        return writes.updateByEmail(email, fields, rolesField, roles);
    }

    /** De-provisions the user with this e-mail address, as {@link #deprovision} does. */
    public User deprovisionByEmail(String email) {
        return writes.deprovisionByEmail(email);
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

        @Inject
        Invitations invitations;

        @Inject
        Memberships memberships;

        @Inject
        Groups groups;

        @Inject
        Visibility visibility;

        @Inject
        Inserts inserts;

        @Transactional
        public Users.Saved put(String username, ProvisionCommand command, String ifMatch) {
            UserCommand fields = command.user();
            if (fields.status().present() && fields.status().value() == UserStatus.SUSPENDED) {
                users.find(caller.tenant().id(), username).filter(u -> u.status() != UserStatus.SUSPENDED)
                        .ifPresent(u -> privileges.keepAnAdministrator(u, "suspending it"));
            }
            return provision(users.put(username, fields, ifMatch), command);
        }

        /** A new user, refused (409) when the tenant has one of that username or e-mail address already. */
        @Transactional
        public Users.Saved create(String username, ProvisionCommand command) {
            return provision(new Users.Saved(users.create(username, command.user()), true), command);
        }

        /** What a command asks beyond the user's own fields, for a user just saved. */
        private Users.Saved provision(Users.Saved saved, ProvisionCommand command) {
            identityProviders.bind(saved.user(), command.identityProviderId());
            boolean active = !command.active().isSet() || command.active().value();
            if (active && command.active().isSet() && saved.user().status() == UserStatus.DEPROVISIONED) {
                users.restore(saved.user());
            }
            if (command.privileges().present() && saved.created()) {
                privileges.grantAll(saved.user(), command.privileges().value());
            } else if (command.privileges().present()) {
                privileges.replaceAll(saved.user(), command.privileges().value());
            }
            if (command.tenantRoles().isSet() && active) {
                privileges.replaceTenantWide(saved.user(), "roles", command.tenantRoles().value());
            }
            if (!active) {
                deprovision(saved.user());
            }
            return saved;
        }

        /**
         * A chunk of {@link #createAll}: one query for the names taken, one count update per group, and the new rows
         * in JDBC batches ({@link Inserts}).
         */
        @Transactional(Transactional.TxType.MANDATORY)
        public List<Outcome> createAll(List<NewUser> chunk) {
            return inserts.batched(() -> createChunk(chunk));
        }

        private List<Outcome> createChunk(List<NewUser> chunk) {
            String tenantId = caller.tenant().id();
            Set<String> taken = users.taken(tenantId, chunk.stream().map(NewUser::username).toList(),
                    chunk.stream().map(u -> u.provision().user().email().value()).toList());
            Map<String, Optional<Group>> named = new HashMap<>();
            Map<Group, List<User>> joining = new LinkedHashMap<>();
            List<Outcome> outcomes = new ArrayList<>(chunk.size());
            for (NewUser wanted : chunk) {
                UserCommand fields = wanted.provision().user();
                if (taken.contains(User.lower(wanted.username()))
                        || taken.contains(User.lower(fields.email().value()))) {
                    outcomes.add(new Refused(Conflict.notUnique("the tenant has a user with the username or e-mail "
                            + "address " + fields.email().value() + " already")));
                    continue;
                }
                List<Group> groups = new ArrayList<>();
                for (String groupId : wanted.groupIds().stream().distinct().toList()) {
                    named.computeIfAbsent(groupId, this.groups::find).ifPresent(groups::add);
                }
                if (groups.size() < wanted.groupIds().stream().distinct().count()) {
                    outcomes.add(new Refused(new InvalidInput("groups", "names a group this tenant does not have")));
                    continue;
                }
                User user = create(wanted);
                outcomes.add(new Created(user.id(), user.username()));
                groups.forEach(group -> joining.computeIfAbsent(group, g -> new ArrayList<>()).add(user));
            }
            joining.forEach(memberships::addCreated);
            return outcomes;
        }

        /**
         * {@link Provisioning#createAll} within the caller's transaction (a bulk job's chunk, which records its
         * results in the same transaction): users refused are not created, the others are.
         */
        @Transactional(Transactional.TxType.MANDATORY)
        public List<Outcome> createWithin(List<NewUser> users) {
            List<NewUser> valid = new ArrayList<>(users.size());
            List<Outcome> outcomes = checked(users, valid);
            Iterator<Outcome> created = valid.isEmpty() ? null : createAll(valid).iterator();
            outcomes.replaceAll(outcome -> outcome == null ? created.next() : outcome);
            return outcomes;
        }

        /** A user the chunk found free, with its privileges, and its activation e-mail (INVITED until accepted). */
        private User create(NewUser wanted) {
            ProvisionCommand command = wanted.provision();
            User user = users.createFree(wanted.username(), command.user());
            identityProviders.bind(user, command.identityProviderId());
            if (wanted.activatedBy() != null) {
                users.markInvited(user); // before its grants, so it is listed only once it accepts
            }
            if (command.privileges().isSet()) {
                privileges.grantAll(user, command.privileges().value());
            }
            if (wanted.activatedBy() != null) {
                invitations.activation(user, wanted.activatedBy());
            }
            return user;
        }

        @Transactional
        public void deprovision(String username) {
            deprovision(users.visible(username));
        }

        private void deprovision(User user) {
            privileges.keepAnAdministrator(user, "de-provisioning it");
            List<String> revoked = privileges.revokeAll(user);
            users.markDeprovisioned(user, revoked);
        }

        @Transactional
        public Users.Saved provisionByEmail(String username, UserCommand fields, String rolesField,
                                            Value<List<String>> roles) {
            Users.Saved saved;
            if (!fields.email().isSet() && fields.email().problem() == null) {
                throw new InvalidInput("email", "is required to provision a user");
            }
            Optional<User> known = fields.email().isSet() ? users.byEmail(caller.tenant().id(),
                    fields.email().value()) : Optional.empty();
            if (known.isPresent() && known.get().status() != UserStatus.DEPROVISIONED) {
                throw Conflict.notUnique("the tenant has a user with the e-mail address " + fields.email().value()
                        + " already; change it with update-user");
            }
            saved = known.isPresent() ? new Users.Saved(users.put(known.get().username(), fields, null).user(), false)
                    : new Users.Saved(users.create(username, fields), true);
            if (roles.isSet()) {
                privileges.replaceTenantWide(saved.user(), rolesField, roles.value());
            }
            return saved;
        }

        @Transactional
        public User updateByEmail(String email, UserCommand fields, String rolesField, Value<List<String>> roles) {
            User user = users.put(visibleByEmail(email).username(), fields, null).user();
            if (roles.isSet()) {
                privileges.replaceTenantWide(user, rolesField, roles.value());
            }
            return user;
        }

        @Transactional
        public User deprovisionByEmail(String email) {
            User user = visibleByEmail(email);
            deprovision(user);
            return user;
        }

        private User visibleByEmail(String email) {
            return users.byEmail(caller.tenant().id(), email).filter(visibility::sees)
                    .orElseThrow(() -> new NotFound("there is no user with the e-mail address " + email));
        }
    }
}
