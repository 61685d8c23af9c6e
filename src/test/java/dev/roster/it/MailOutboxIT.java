package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.roster.it.shared.SharedRoster;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail outbox (issue 15): an invitation made while the SMTP server is down waits, retried, and survives a
 * {@code kill -9} of Roster; once the server is up, the restarted Roster delivers it exactly once. It owns its Roster
 * and its SMTP server, since it stops both.
 */
class MailOutboxIT {

    @TempDir
    Path work;

    @Test
    void anEmailWrittenWhileSmtpIsDownIsDeliveredOnceWhenItIsUpEvenAcrossAKill() throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        Path data = work.resolve("data");
        Map<String, String> settings = Map.of("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", "outbox-operator-1",
                "ROSTER_MAIL_HOST", "127.0.0.1", "ROSTER_MAIL_PORT", Integer.toString(smtpPort),
                "ROSTER_MAIL_FROM", SharedRoster.MAIL_FROM);
        String invitation;
        String tenant;
        RosterProcess first = RosterProcess.start(work, data, settings);
        try {
            Api api = new Api(first.url());
            String operator = api.token("admin", "outbox-operator-1", null);
            tenant = "outbox";
            api.post("/api/v1/tenants").as(operator).json("{\"label\": \"outbox\", \"name\": \"Outbox\"}").send()
                    .expect(201);
            api.put("/api/v1/tenants/outbox/services/invitations").as(operator).json("{\"enabled\": true}").send()
                    .expect(200);
            invitation = api.post("/api/v1/provisioning/invitations").as(operator).tenant(tenant)
                    .json("{\"users\": [{\"email\": \"waiting@outbox.example\"}]}").send().expect(200).json()
                    .getJsonArray("results").getJsonObject(0).getString("invitationId");
            Poll.until(Duration.ofSeconds(20), "a failed attempt is recorded", () -> {
                JsonObject delivery = api.get("/api/v1/provisioning/invitations/" + invitation).as(operator)
                        .tenant(tenant).send().expect(200).json().getJsonObject("delivery");
                return delivery.getString("state").equals("pending") && delivery.getInt("attempts") >= 1
                        && !delivery.isNull("lastError");
            });
        } finally {
            first.kill();
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (RosterProcess second = RosterProcess.start(work, data, settings)) {
            Poll.until(Duration.ofSeconds(60), "the e-mail is delivered after the restart",
                    () -> smtp.getReceivedMessages().length >= 1);
            Api api = new Api(second.url());
            String operator = api.token("admin", "outbox-operator-1", null);
            Poll.until(Duration.ofSeconds(10), "the delivery is recorded", () -> api.get(
                    "/api/v1/provisioning/invitations/" + invitation).as(operator).tenant(tenant).send().json()
                    .getJsonObject("delivery").getString("state").equals("sent"));
            // a later e-mail arriving proves the sender has passed again since: the first was not sent twice
            api.post("/api/v1/provisioning/invitations").as(operator).tenant(tenant)
                    .json("{\"users\": [{\"email\": \"later@outbox.example\"}]}").send().expect(200);
            Poll.until(Duration.ofSeconds(20), "the later e-mail is delivered",
                    () -> smtp.getReceivedMessages().length >= 2);
            assertEquals(2, smtp.getReceivedMessages().length);
            assertEquals("waiting@outbox.example", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
            assertEquals("later@outbox.example", smtp.getReceivedMessages()[1].getAllRecipients()[0].toString());
        } finally {
            smtp.stop();
        }
    }
}
