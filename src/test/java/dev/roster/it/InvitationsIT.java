package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.it.shared.SharedRoster;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invitations by e-mail (issue 15), against the real SMTP server the shared Roster sends to (GreenMail): the e-mail
 * arrives with the tenant's name and a link whose token accepts the invitation end to end; resend and revoke; expiry;
 * a mixed batch; who may invite; and no other tenant reaches them.
 */
class InvitationsIT extends RosterIT {

    static final String INVITATIONS = "/api/v1/provisioning/invitations";
    static final String ACCEPT = "/api/v1/invitations/accept";
    static final Pattern LINK = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithInvitationsOn() {
        tenant = api.newTenant();
        api.put("/api/v1/tenants/" + tenant + "/services/invitations").as(api.operator()).json("{\"enabled\": true}")
                .send().expect(200);
        admin = api.member(tenant, "boss", "ADMINISTRATOR", null);
    }

    @Test
    void theEmailArrivesAndItsLinkMakesTheUserActiveWithTheInvitedRolesAndOrganizations() throws Exception {
        api.put("/api/v1/provisioning/info").as(admin).json("{\"name\": \"Cooori Tickets\", \"icon\": "
                + "\"https://cdn.cooori.example/icon.png\"}").send().expect(200);
        String organization = api.post("/api/v1/provisioning/organizations").as(admin)
                .json("{\"name\": \"Box office\"}").send().expect(201).json().getString("id");
        String email = "jane@" + tenant + ".example";
        double sentBefore = api.metric("roster_mail_sent_total");
        JsonObject result = invite(admin, "{\"email\": \"" + email + "\", \"firstName\": \"Jane\", \"roles\": "
                + "[\"user\"], \"organizationIds\": [\"" + organization + "\"]}").get(0);
        assertEquals("invited", result.getString("outcome"));
        String invitation = result.getString("invitationId");
        JsonObject invited = api.get("/api/v1/provisioning/users/" + email).as(admin).send().expect(200).json();
        assertEquals("INVITED", invited.getString("status"));
        assertEquals("Box office", invited.getJsonArray("organizations").getJsonObject(0).getString("name"));
        api.login(email, "any-password-at-all", tenant).expect(400);

        MimeMessage mail = mailTo(email, 1).get(0);
        String body = (String) mail.getContent();
        assertEquals("You are invited to Cooori Tickets", mail.getSubject());
        assertEquals(SharedRoster.MAIL_FROM, mail.getFrom()[0].toString());
        assertTrue(body.contains("Hello Jane") && body.contains("boss invites you to Cooori Tickets")
                && body.contains("https://cdn.cooori.example/icon.png"), body);
        String token = token(body);
        Poll.until(Duration.ofSeconds(10), "the delivery is recorded as sent", () -> "sent".equals(
                api.get(INVITATIONS + "/" + invitation).as(admin).send().json().getJsonObject("delivery")
                        .getString("state")));
        assertFalse(StoredData.contains(token), "the token is stored only as its hash, the outbox's copy sealed");
        assertTrue(StoredData.contains(email), "the scan sees what the database wrote");

        assertTrue(api.metric("roster_mail_sent_total") > sentBefore, "the e-mail is counted on /metrics");
        assertTrue(api.get("/metrics").header("Accept", "text/plain").send().body()
                .contains("roster_mail_outbox_pending"), "the outbox's size is on /metrics");
        JsonObject accepted = api.post(ACCEPT).json("{\"token\": \"" + token + "\", \"password\": "
                + "\"correct-horse-battery\"}").send().expect(200).json();
        assertEquals(Map.of("tenant", tenant, "username", email, "status", "ACTIVE"), Map.of("tenant",
                accepted.getString("tenant"), "username", accepted.getString("username"), "status",
                accepted.getString("status")));
        String jane = api.token(email, "correct-horse-battery", tenant);
        JsonObject self = api.get("/api/v1/provisioning/users/" + email).as(jane).send().expect(200).json();
        assertEquals("ACTIVE", self.getString("status"));
        assertEquals("USER", self.getJsonArray("tenantUserPrivileges").getJsonObject(0).getString("role"));
        JsonObject read = api.get(INVITATIONS + "/" + invitation).as(admin).send().expect(200).json();
        assertEquals("accepted", read.getString("status"));
        assertFalse(read.toString().contains(token), "the token is never shown");

        Api.Answer twice = api.post(ACCEPT).json("{\"token\": \"" + token + "\", \"password\": \"another-one-1\"}")
                .send().expect(410);
        assertTrue(twice.json().getString("detail").contains("accepted already"), twice.body());
        assertEquals(1, api.get("/api/v1/provisioning/users/" + email).as(admin).send().json()
                .getJsonArray("tenantUserPrivileges").size(), "accepting twice doubles nothing");
        api.token(email, "correct-horse-battery", tenant);
        assertTrue(api.get("/api/v1/provisioning/events?size=100").as(admin).send().body()
                .contains("\"invitation.accepted\""));
    }

    @Test
    void aMixedBatchInvitesTheGoodOnesAndReportsEachFailure() throws Exception {
        api.plainMember(tenant, "known", "USER", null);
        String organization = api.post("/api/v1/provisioning/organizations").as(admin).json("{\"name\": \"Partners\"}")
                .send().expect(201).json().getString("id");
        String fresh = "fresh@" + tenant + ".example";
        List<JsonObject> results = invite(admin, "{\"email\": \"" + fresh + "\"}",
                "{\"email\": \"known@example.com\", \"organizationIds\": [\"" + organization + "\"]}",
                "{\"email\": \"not-an-address\"}",
                "{\"email\": \"role@" + tenant + ".example\", \"roles\": [\"Astronaut\"]}",
                "{\"email\": \"org@" + tenant + ".example\", \"organizationIds\": [\"nowhere\"]}",
                "{\"email\": 42}",
                "\"just text\"");
        assertEquals(List.of("invited", "existing", "failed", "failed", "failed", "failed", "failed"),
                results.stream().map(r -> r.getString("outcome")).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), results.stream().map(r -> r.getInt("index")).toList());
        assertTrue(results.get(2).getJsonObject("error").toString().contains("email"), results.get(2).toString());
        assertTrue(results.get(3).getJsonObject("error").getString("detail").contains("Astronaut"));
        assertTrue(results.get(4).getJsonObject("error").getString("detail").contains("organizationIds"));
        assertEquals(400, results.get(5).getJsonObject("error").getInt("status"));
        assertEquals(List.of("known"), api.get("/api/v1/provisioning/organizations/" + organization + "/users")
                .as(admin).send().usernames());
        api.get("/api/v1/provisioning/users/role@" + tenant + ".example").as(admin).send().expect(404);
        mailTo(fresh, 1);
        assertEquals(1, api.get(INVITATIONS).as(admin).send().json().getInt("totalElements"),
                "nothing half-made of the failures");
        // the batch's first attempt at its chunk rolled back (a failure in it), then each user was invited alone: the
        // rolled-back invitation's e-mail is never sent. A later e-mail proves the sender has passed since.
        String proof = "proof@" + tenant + ".example";
        invite(admin, "{\"email\": \"" + proof + "\"}");
        mailTo(proof, 1);
        assertEquals(1, received(fresh).size(), "one e-mail for the invitation that committed");
    }

    @Test
    void aResendKillsTheOldLinkAndARevokeKillsTheNewOne() throws Exception {
        String email = "twice@" + tenant + ".example";
        String invitation = invite(admin, "{\"email\": \"" + email + "\"}").get(0).getString("invitationId");
        String first = token((String) mailTo(email, 1).get(0).getContent());
        JsonObject resent = api.post(INVITATIONS + "/" + invitation + "/resend").as(admin).send().expect(200).json();
        assertFalse(resent.containsKey("acceptLink"), "with an SMTP server the link only goes by e-mail");
        String second = token((String) mailTo(email, 2).get(1).getContent());
        assertFalse(first.equals(second));
        api.post(ACCEPT).json("{\"token\": \"" + first + "\", \"password\": \"correct-horse-battery\"}").send()
                .expect(404);
        api.delete(INVITATIONS + "/" + invitation).as(admin).send().expect(204);
        Api.Answer revoked = api.post(ACCEPT).json("{\"token\": \"" + second + "\", \"password\": "
                + "\"correct-horse-battery\"}").send().expect(410);
        assertTrue(revoked.json().getString("detail").contains("revoked"), revoked.body());
        assertEquals("revoked", api.get(INVITATIONS + "/" + invitation).as(admin).send().json().getString("status"));
        assertEquals(List.of(invitation), ids(api.get(INVITATIONS + "?status=revoked").as(admin).send()));
        api.post(INVITATIONS + "/" + invitation + "/resend").as(admin).send().expect(409);
        assertEquals("INVITED", api.get("/api/v1/provisioning/users/" + email).as(admin).send().json()
                .getString("status"));
    }

    @Test
    void anExpiredInvitationIsRefusedAndListedAsExpired() throws Exception {
        String email = "late@" + tenant + ".example";
        String invitation = invite(admin, "{\"email\": \"" + email + "\", \"expiresAt\": \""
                + Instant.now().plusSeconds(2) + "\"}").get(0).getString("invitationId");
        String token = token((String) mailTo(email, 1).get(0).getContent());
        Poll.until(Duration.ofSeconds(15), "the invitation expires", () -> "expired".equals(
                api.get(INVITATIONS + "/" + invitation).as(admin).send().json().getString("status")));
        Api.Answer late = api.post(ACCEPT).json("{\"token\": \"" + token + "\", \"password\": "
                + "\"correct-horse-battery\"}").send().expect(410);
        assertTrue(late.json().getString("detail").contains("expired"), late.body());
        assertEquals(List.of(invitation), ids(api.get(INVITATIONS + "?status=expired").as(admin).send()));
        assertEquals(List.of(), ids(api.get(INVITATIONS + "?status=pending").as(admin).send()));
        api.get(INVITATIONS + "?status=lost").as(admin).send().expect(400);
        assertTrue(invite(admin, "{\"email\": \"never@" + tenant + ".example\", "
                + "\"expiresAt\": \"2001-01-01T00:00:00Z\"}").get(0).getJsonObject("error").getString("detail")
                .contains("expiresAt"));
    }

    @Test
    void badRequestsAreRefusedWhole() {
        api.post(INVITATIONS).as(admin).json("{\"users\": []}").send().expect(400);
        api.post(INVITATIONS).as(admin).json("{\"people\": []}").send().expect(400);
        api.post(INVITATIONS).as(admin).json("{\"users\": ").send().expect(400);
        api.post(ACCEPT).json("{}").send().expect(400);
        api.post(ACCEPT).json("{\"token\": \"nope-nope-nope-nope-nope\", \"password\": \"correct-horse\"}").send()
                .expect(404);
    }

    @Test
    void onlyAnAdministratorInvitesNoOtherTenantSeesAndASwitchedOffServiceRefuses() throws Exception {
        String user = api.member(tenant, "plain", "USER", null);
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        String invitation = invite(admin, "{\"email\": \"kept@" + tenant + ".example\"}").get(0)
                .getString("invitationId");
        api.post(INVITATIONS).as(user).json("{\"users\": [{\"email\": \"x@example.com\"}]}").send().expect(403);
        api.post(INVITATIONS).as(auditor).json("{\"users\": [{\"email\": \"x@example.com\"}]}").send().expect(403);
        api.get(INVITATIONS + "/" + invitation).as(auditor).send().expect(200);
        api.delete(INVITATIONS + "/" + invitation).as(auditor).send().expect(403);

        String away = api.newTenant();
        api.put("/api/v1/tenants/" + away + "/services/invitations").as(api.operator()).json("{\"enabled\": true}")
                .send().expect(200);
        String intruder = api.member(away, "boss", "ADMINISTRATOR", null);
        api.get(INVITATIONS + "/" + invitation).as(intruder).send().expect(404);
        api.post(INVITATIONS + "/" + invitation + "/resend").as(intruder).send().expect(404);
        api.delete(INVITATIONS + "/" + invitation).as(intruder).send().expect(404);
        api.get(INVITATIONS).as(intruder).tenant(tenant).send().expect(403);
        assertEquals(List.of(), ids(api.get(INVITATIONS).as(intruder).send()));

        String token = token((String) mailTo("kept@" + tenant + ".example", 1).get(0).getContent());
        api.put("/api/v1/tenants/" + tenant + "/services/invitations").as(api.operator()).json("{\"enabled\": false}")
                .send().expect(200);
        assertEquals("urn:roster:problem:service-switched-off", api.post(INVITATIONS).as(admin)
                .json("{\"users\": [{\"email\": \"x@example.com\"}]}").send().expect(403).json().getString("type"));
        api.post(ACCEPT).json("{\"token\": \"" + token + "\", \"password\": \"correct-horse-battery\"}").send()
                .expect(403);
        assertEquals("INVITED", api.get("/api/v1/provisioning/users/kept@" + tenant + ".example").as(api.operator())
                .tenant(tenant).send().expect(200).json().getString("status"));
    }

    private List<JsonObject> invite(String token, String... users) {
        return api.post(INVITATIONS).as(token).json("{\"users\": [" + String.join(", ", users) + "]}").send()
                .expect(200).json().getJsonArray("results").getValuesAs(JsonObject.class);
    }

    /** Waits until {@code count} e-mails to the address have arrived, and answers them in order. */
    static List<MimeMessage> mailTo(String address, int count) {
        Poll.until(Duration.ofSeconds(20), count + " e-mail(s) to " + address, () -> received(address).size() >= count);
        return received(address);
    }

    private static List<MimeMessage> received(String address) {
        return Arrays.stream(SharedRoster.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String token(String body) {
        Matcher link = LINK.matcher(body);
        assertTrue(link.find(), body);
        return link.group(1);
    }

    private static List<String> ids(Api.Answer page) {
        return page.content().stream().map(i -> i.getString("id")).toList();
    }
}
