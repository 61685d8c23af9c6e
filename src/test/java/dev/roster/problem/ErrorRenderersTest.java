package dev.roster.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** One domain failure, a taken e-mail address, written by each protocol's renderer in that protocol's shape. */
class ErrorRenderersTest {

    static final RosterException TAKEN = Conflict.notUnique("another user of this tenant already has the e-mail"
            + " address jane@example.com");
    static final String ID = "req-1";

    @Test
    void nativeApiAnswersAnRfc9457Problem() {
        JsonObject body = Protocol.of("/api/v1/provisioning/users/jane").renderer().body(TAKEN, "/api/v1/provisioning/users/jane", ID);
        assertEquals("urn:roster:problem:not-unique", body.getString("type"));
        assertEquals(409, body.getInt("status"));
        assertEquals(TAKEN.detail(), body.getString("detail"));
        assertEquals("/api/v1/provisioning/users/jane", body.getString("instance"));
        assertEquals(ID, body.getString("requestId"));
        assertEquals(Problem.MEDIA_TYPE, Protocol.NATIVE.renderer().mediaType());
    }

    @Test
    void scimAnswersAnRfc7644ErrorWithItsScimType() {
        JsonObject body = Protocol.of("/scim/v2/Users").renderer().body(TAKEN, "/scim/v2/Users", ID);
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
        assertEquals("409", body.getString("status"));
        assertEquals("uniqueness", body.getString("scimType"));
        assertEquals(TAKEN.detail(), body.getString("detail"));
        assertEquals("application/scim+json", Protocol.SCIM.renderer().mediaType());
        assertEquals("invalidSyntax", Protocol.SCIM.renderer().body(InvalidInput.malformed("not JSON"), null, ID)
                .getString("scimType"));
        assertEquals("invalidValue", Protocol.SCIM.renderer().body(new InvalidInput("emails", "wrong"), null, ID)
                .getString("scimType"));
        assertFalse(Protocol.SCIM.renderer().body(new NotFound("no such user"), null, ID).containsKey("scimType"));
    }

    @Test
    void aiseraPathsAnswerAFlatObject() {
        JsonObject body = Protocol.of("/scim/provision-user").renderer().body(TAKEN, "/scim/provision-user", ID);
        assertEquals(409, body.getInt("status"));
        assertEquals("Conflict", body.getString("error"));
        assertEquals(TAKEN.detail(), body.getString("message"));
        assertEquals(ID, body.getString("requestId"));
        assertEquals(Protocol.AISERA, Protocol.of("/scim/update-user/jane@example.com"));
        assertEquals(Protocol.AISERA, Protocol.of("/scim/de-provision-user/jane@example.com"));
    }

    @Test
    void koreAiPathsAnswerTheirErrorsList() {
        JsonObject body = Protocol.of("/api/public/users").renderer().body(TAKEN, "/api/public/users", ID);
        JsonObject error = body.getJsonArray("errors").getJsonObject(0);
        assertEquals(TAKEN.detail(), error.getString("msg"));
        assertEquals(409, error.getInt("code"));
        JsonObject fields = Protocol.KORE.renderer().body(new InvalidInput("userInfo.emailId", "is not an e-mail"),
                null, ID);
        assertEquals("userInfo.emailId: is not an e-mail", fields.getJsonArray("errors").getJsonObject(0).getString("msg"));
    }

    @Test
    void theTokenEndpointAddsTheOAuthErrorCode() {
        JsonObject body = Protocol.of("/api/v1/provisioning/token").renderer().body(TAKEN, "/api/v1/provisioning/token", ID);
        assertEquals("invalid_request", body.getString("error"));
        assertEquals(TAKEN.detail(), body.getString("error_description"));
        assertEquals(409, body.getInt("status"));
        assertEquals("invalid_grant", Protocol.TOKEN.renderer().body(new InvalidGrant("invalid_grant", "wrong"), null, ID)
                .getString("error"));
        assertEquals(Protocol.NATIVE, Protocol.of("/api/v1/provisioning/token/jwks"));
    }
}
