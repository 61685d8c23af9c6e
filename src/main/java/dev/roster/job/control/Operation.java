package dev.roster.job.control;

import dev.roster.privilege.control.Grant;
import dev.roster.problem.RosterException;
import dev.roster.provisioning.control.NewUser;
import dev.roster.provisioning.control.ProvisionCommand;

/**
 * One item of a bulk job, read from its wire form ({@link ItemReader}) into a command for the same controls a single
 * request uses. {@link #key} names the item in its result (a username, a privilege, a group and a user).
 */
public sealed interface Operation {

    /** The operation's name in the wire form ({@code create}, {@code grant}, …). */
    String op();

    String key();

    /** Creates a user, as a Kore.ai user or a CSV row is created: with its privileges and groups. */
    record Create(NewUser user) implements Operation {
        public String op() { return "create"; }
        public String key() { return user.username(); }
    }

    /** Creates or updates a user, as {@code PUT /users/{username}}. */
    record Put(String username, ProvisionCommand command) implements Operation {
        public String op() { return "put"; }
        public String key() { return username; }
    }

    /** De-provisions a user, as {@code DELETE /users/{username}}. */
    record Deprovision(String username) implements Operation {
        public String op() { return "deprovision"; }
        public String key() { return username; }
    }

    /** Grants a privilege, as {@code POST /users/{username}/privileges}. */
    record GrantPrivilege(String username, Grant grant) implements Operation {
        public String op() { return "grant"; }
        public String key() {
            return username + ":" + grant.role() + (grant.scope() == null ? "" : "@" + grant.scope());
        }
    }

    /** Revokes a privilege by id (or a username's tenant-wide role), as {@code DELETE /privileges/{id}}. */
    record Revoke(String privilege) implements Operation {
        public String op() { return "revoke"; }
        public String key() { return privilege; }
    }

    /** Adds a user to a group or an organization, or removes it ({@code join} false). */
    record Membership(boolean group, boolean join, String containerId, String username) implements Operation {
        public String op() {
            return (join ? "add" : "remove") + (group ? "Group" : "Organization") + "Member";
        }

        public String key() { return containerId + ":" + username; }
    }

    /** An item that could not be read: it fails with {@code reason}, and the others go on. */
    record Unreadable(String op, String key, RosterException reason) implements Operation {
    }
}
