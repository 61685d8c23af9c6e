package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Browser clients of other origins (issue 14, "Stopping and the browser"): the shared Roster lists one origin in
 * {@code roster.http.cors-origins}; every other origin, and a Roster with no list (FirstStartIT), gets no CORS header.
 */
class CorsIT extends RosterIT {

    static final String LISTED = "https://console.roster.example";
    static final String USERS = "/api/v1/provisioning/users";

    @Test
    void aPreflightFromAListedOriginIsAnsweredWithWhatRosterTakes() {
        Api.Answer preflight = api.call("OPTIONS", USERS + "/anyone").header("Origin", LISTED)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match").send().expect(204);
        assertEquals(LISTED, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PUT"));
        String headers = preflight.header("Access-Control-Allow-Headers").toLowerCase();
        for (String header : new String[] {"authorization", "content-type", "if-match", "x-tenant", "x-app-token"}) {
            assertTrue(headers.contains(header), header + " in " + headers);
        }
        assertNull(preflight.header("Access-Control-Allow-Credentials"), "no cookies, so never credentials mode");
    }

    @Test
    void answersToAListedOriginNameItAndExposeTheHeadersAClientReadsRefusalsIncluded() {
        String tenant = api.newTenant();
        String token = api.member(tenant, "browser", "USER", null);
        Api.Answer read = api.get(USERS + "/browser").as(token).header("Origin", LISTED).send().expect(200);
        assertEquals(LISTED, read.header("Access-Control-Allow-Origin"));
        assertTrue(read.header("Access-Control-Expose-Headers").contains("ETag"));
        Api.Answer refused = api.get(USERS + "/browser").as(token + "x").header("Origin", LISTED).send().expect(401);
        assertEquals(LISTED, refused.header("Access-Control-Allow-Origin"), "the page may read why it was refused");
    }

    @Test
    void anyOtherOriginGetsNoCorsHeader() {
        String tenant = api.newTenant();
        String token = api.member(tenant, "browser", "USER", null);
        assertNull(api.get(USERS + "/browser").as(token).header("Origin", "https://evil.example").send().expect(200)
                .header("Access-Control-Allow-Origin"));
        Api.Answer preflight = api.call("OPTIONS", USERS + "/browser").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE").send();
        assertNull(preflight.header("Access-Control-Allow-Origin"), "status " + preflight.status());
    }
}
