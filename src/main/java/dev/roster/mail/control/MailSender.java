package dev.roster.mail.control;

import dev.roster.mail.entity.OutboxMail;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, every second: each due e-mail is claimed (one instance sends it, though several poll),
 * handed to the SMTP server, and marked sent, or retried later with a growing delay.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Outbox outbox;

    @Inject
    Mailer mailer;

    /** This instance, as its claims name it. */
    private final String instance = UUID.randomUUID().toString();
    private ScheduledFuture<?> task;

    public void start() {
        mailer.announce();
        if (mailer.configured()) {
            task = scheduler.scheduleWithFixedDelay(this::sendDue, 1, 1, TimeUnit.SECONDS);
        }
    }

    void sendDue() {
        try {
            for (String id : outbox.due(BATCH)) {
                outbox.claim(id, instance).ifPresent(this::send);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sending the outbox failed; it is tried again in a second", e);
        }
    }

    private void send(OutboxMail mail) {
        try {
            mailer.send(mail.recipient(), mail.subject(), mail.body());
            outbox.sent(mail.id());
        } catch (MessagingException | RuntimeException e) {
            LOG.info(() -> "e-mail " + mail.id() + " to be retried (attempt " + (mail.attempts() + 1) + "): "
                    + e.getMessage());
            outbox.failed(mail.id(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
