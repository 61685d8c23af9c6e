package dev.roster.invitation.boundary;

import dev.roster.invitation.control.Invitations;
import dev.roster.invitation.entity.Invitation;
import dev.roster.mail.entity.OutboxMail;
import dev.roster.platform.Clock;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An invitation: to whom, with which roles and organizations, by whom, its status, and (read one by one) the state of
 * its newest e-mail. The token is never shown, but for {@code acceptLink} on a resend when Roster has no SMTP server.
 */
@JsonbPropertyOrder({"id", "userId", "email", "status", "roles", "organizationIds", "invitedBy", "createdAt", "sentAt",
        "expiresAt", "acceptedAt", "revokedAt", "delivery", "acceptLink"})
public record InvitationView(String id, String userId, String email, String status, List<String> roles,
                             List<String> organizationIds, String invitedBy, Instant createdAt, Instant sentAt,
                             Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant revokedAt,
                             @Nullable Delivery delivery, @JsonbNillable(false) String acceptLink) {

    /** Where the newest e-mail of the invitation is: {@code pending} (waiting or retrying) or {@code sent}. */
    @JsonbPropertyOrder({"state", "attempts", "sentAt", "nextAttemptAt", "lastError"})
    public record Delivery(String state, int attempts, @Nullable Instant sentAt, @Nullable Instant nextAttemptAt,
                           @Nullable String lastError) {
        static Delivery of(OutboxMail mail) {
            boolean sent = mail.status() == OutboxMail.Status.SENT;
            return new Delivery(mail.status().name().toLowerCase(Locale.ROOT), mail.attempts(), mail.sentAt(),
                    sent ? null : mail.nextAttemptAt(), mail.lastError());
        }
    }

    static InvitationView of(Invitations.Delivery delivery, String acceptLink) {
        Invitation invitation = delivery.invitation();
        return new InvitationView(invitation.id(), invitation.userId(), invitation.email(),
                invitation.statusAt(Clock.now()).name().toLowerCase(Locale.ROOT), invitation.roles(),
                invitation.organizationIds(), invitation.invitedBy(), invitation.createdAt(), invitation.sentAt(),
                invitation.expiresAt(), invitation.acceptedAt(), invitation.revokedAt(),
                delivery.mail().map(Delivery::of).orElse(null), acceptLink);
    }
}
