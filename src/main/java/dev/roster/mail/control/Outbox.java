package dev.roster.mail.control;

import dev.roster.mail.entity.OutboxMail;
import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import dev.roster.platform.Inserts;
import dev.roster.platform.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox: an e-mail is written in the transaction that makes it necessary (so it is never sent for a change that
 * rolled back, and never lost once the change committed) and sent after commit by {@link MailSender}. A body is
 * stored sealed, since an invitation's link carries its token, and is dropped once the e-mail is sent.
 */
@ApplicationScoped
public class Outbox {

    /** How long a claim holds: an instance that dies while sending lets another take the e-mail after this. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LAST_RETRY = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    /** Puts an e-mail in the outbox, within the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMail enqueue(String tenantId, String invitationId, String recipient, String subject, String body) {
        String id = Ids.next();
        OutboxMail mail = new OutboxMail(id, tenantId, invitationId, recipient, subject,
                SecretBox.seal(body, OutboxMail.sealContext(id)));
        inserts.persist(mail);
        return mail;
    }

    /** The body of a waiting e-mail, in clear, to send it. */
    public static String body(OutboxMail mail) {
        return SecretBox.open(mail.sealedBody(), OutboxMail.sealContext(mail.id()));
    }

    /** The ids of e-mails due now, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(int limit) {
        return em.createNamedQuery(OutboxMail.DUE, String.class)
                .setParameter("pending", OutboxMail.Status.PENDING.name()).setParameter("now", Clock.now())
                .setMaxResults(limit).getResultList();
    }

    /** Claims a due e-mail for this instance; empty when another instance holds it or it is no longer due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxMail> claim(String id, String instance) {
        Instant now = Clock.now();
        int claimed = em.createNamedQuery(OutboxMail.CLAIM).setParameter("me", instance)
                .setParameter("until", now.plus(LEASE)).setParameter("id", id)
                .setParameter("pending", OutboxMail.Status.PENDING.name()).setParameter("now", now).executeUpdate();
        return claimed == 1 ? Optional.ofNullable(em.find(OutboxMail.class, id)) : Optional.empty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(String id) {
        em.find(OutboxMail.class, id).sent();
    }

    /** Records a failed attempt; the next waits twice as long as the last, from 2 s up to 10 minutes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, String error) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        long seconds = Math.min(LAST_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(mail.attempts(), 20));
        mail.failed(error, Clock.now().plusSeconds(seconds));
    }

    /** How many e-mails wait to be sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pending() {
        return em.createNamedQuery(OutboxMail.PENDING, Long.class)
                .setParameter("pending", OutboxMail.Status.PENDING.name()).getSingleResult();
    }

    /** The newest e-mail of an invitation, for its delivery state. */
    public Optional<OutboxMail> latestOf(String invitationId) {
        return em.createNamedQuery(OutboxMail.OF_INVITATION, OutboxMail.class).setParameter("invitation", invitationId)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
