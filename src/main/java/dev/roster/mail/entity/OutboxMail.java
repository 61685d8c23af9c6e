package dev.roster.mail.entity;

import dev.roster.platform.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An e-mail waiting in the outbox, or sent from it. Its body (an invitation's link carries its token) is held sealed
 * ({@code platform.SecretBox}) while it waits, and dropped once it is sent.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.DUE, query = "SELECT m.id FROM OutboxMail m WHERE m.status = :pending"
        + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
@NamedQuery(name = OutboxMail.CLAIM, query = "UPDATE OutboxMail m SET m.claimedBy = :me, m.claimedUntil = :until"
        + " WHERE m.id = :id AND m.status = :pending AND m.nextAttemptAt <= :now"
        + " AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
@NamedQuery(name = OutboxMail.PENDING, query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.status = :pending")
@NamedQuery(name = OutboxMail.OF_INVITATION, query = "SELECT m FROM OutboxMail m WHERE m.invitationId = :invitation"
        + " ORDER BY m.createdAt DESC")
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    /** Claims a due e-mail for one instance until a moment: the update touches the row only if nobody holds it. */
    public static final String CLAIM = "OutboxMail.claim";
    public static final String OF_INVITATION = "OutboxMail.ofInvitation";
    public static final String PENDING = "OutboxMail.pending";

    /** Where an e-mail is. */
    public enum Status { PENDING, SENT }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "invitation_id")
    private String invitationId;
    private String recipient;
    private String subject;
    private String body;
    private String status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected OutboxMail() {
    }

    /** A new e-mail; {@code sealedBody} is its body sealed for {@link #sealContext}. */
    public OutboxMail(String id, String tenantId, String invitationId, String recipient, String subject,
                      String sealedBody) {
        this.id = id;
        this.tenantId = tenantId;
        this.invitationId = invitationId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = sealedBody;
        this.status = Status.PENDING.name();
        this.createdAt = Clock.now();
        this.nextAttemptAt = createdAt;
    }

    /** What an e-mail's body is sealed for: that e-mail only. */
    public static String sealContext(String id) {
        return "mail-outbox:" + id;
    }

    public void sent() {
        this.body = "";
        this.status = Status.SENT.name();
        this.sentAt = Clock.now();
        this.attempts++;
        this.claimedBy = null;
        this.claimedUntil = null;
        this.lastError = null;
    }

    /** A failed attempt: the next one is due at {@code next}. */
    public void failed(String error, Instant next) {
        this.attempts++;
        this.lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        this.nextAttemptAt = next;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    public String id() { return id; }
    public String invitationId() { return invitationId; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    /** The sealed body while the e-mail waits; empty once it is sent. */
    public String sealedBody() { return body; }
    public Status status() { return Status.valueOf(status); }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant sentAt() { return sentAt; }
    public String lastError() { return lastError; }
    public String claimedBy() { return claimedBy; }
}
