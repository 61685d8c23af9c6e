package dev.roster.invitation.control;

import java.time.Instant;
import java.util.List;

/**
 * One user to invite, in no protocol's shape: the e-mail address (required), a username (the e-mail address when
 * absent), names, roles by id or name, organizations by id, optionally the identity provider it signs in through, and
 * optionally when the invitation expires (by default after {@code roster.invitations.expiry-hours}).
 */
public record InviteCommand(String email, String username, String firstName, String lastName, List<String> roles,
                            List<String> organizationIds, String identityProviderId, Instant expiresAt) {

    public InviteCommand(String email, String username, String firstName, String lastName, List<String> roles,
                         List<String> organizationIds, String identityProviderId) {
        this(email, username, firstName, lastName, roles, organizationIds, identityProviderId, null);
    }
}
