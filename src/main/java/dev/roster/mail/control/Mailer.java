package dev.roster.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands e-mails to the SMTP server of {@code roster.mail.*} (Jakarta Mail). Without {@code roster.mail.host} there is
 * none: Roster starts, says so once, and e-mails wait in the outbox.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    static final int TIMEOUT_MILLIS = 10_000;

    @Inject
    @ConfigProperty(name = "roster.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "roster.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "roster.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "roster.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "roster.mail.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "roster.mail.from", defaultValue = "roster@localhost")
    String from;

    private Session session;

    @PostConstruct
    void configure() {
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get().strip());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        Authenticator authenticator = null;
        if (username.filter(u -> !u.isBlank()).isPresent()) {
            properties.put("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(username.get(), password.orElse(""));
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
    }

    /** Whether an SMTP server is configured. */
    public boolean configured() {
        return session != null;
    }

    /** Logs, once at start, where e-mail goes. */
    public void announce() {
        if (session == null) {
            LOG.info("No SMTP server is configured (roster.mail.host): invitations are not e-mailed; they wait in the "
                    + "outbox, and an administrator's resend answers the invitation's link");
        } else {
            LOG.info("E-mail goes through " + host.get().strip() + ":" + port + " from " + from);
        }
    }

    /** Sends a plain-text e-mail, or throws with what the server said. */
    public void send(String recipient, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }
}
