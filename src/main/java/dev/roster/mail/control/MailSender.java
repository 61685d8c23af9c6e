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
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends what the outbox holds, every second: each due e-mail is claimed (one instance sends it, though several poll),
 * handed to the SMTP server, and marked sent, or retried later with a growing delay. On {@code /metrics}:
 * {@code roster_mail_sent_total}, {@code roster_mail_failures_total} and {@code roster_mail_outbox_pending}.
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

    static final String SENT = "roster.mail.sent";
    static final String FAILED = "roster.mail.failures";
    static final String PENDING = "roster.mail.outbox.pending";

    @Inject
    MetricRegistry metrics;

    private volatile long pending;

    /** This instance, as its claims name it. */
    private final String instance = UUID.randomUUID().toString();
    private ScheduledFuture<?> task;

    public void start() {
        metrics.counter(Metadata.builder().withName(SENT).withDescription("E-mails handed to the SMTP server").build());
        metrics.counter(Metadata.builder().withName(FAILED)
                .withDescription("Attempts to send an e-mail that failed (each is retried later)").build());
        metrics.gauge(Metadata.builder().withName(PENDING)
                .withDescription("E-mails in the outbox not sent yet, as this instance last counted them").build(),
                () -> pending);
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
            pending = outbox.pending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sending the outbox failed; it is tried again in a second", e);
        }
    }

    private void send(OutboxMail mail) {
        try {
            mailer.send(mail.recipient(), mail.subject(), Outbox.body(mail));
            outbox.sent(mail.id());
            metrics.counter(SENT).inc();
        } catch (MessagingException | RuntimeException e) {
            LOG.info(() -> "e-mail " + mail.id() + " to be retried (attempt " + (mail.attempts() + 1) + "): "
                    + e.getMessage());
            outbox.failed(mail.id(), e.getMessage());
            metrics.counter(FAILED).inc();
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
