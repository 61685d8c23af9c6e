package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the token signing key by configuration: tokens signed with the previous key keep working while
 * that key is still trusted, and stop once it is retired. It owns its Roster processes: the signing key is read
 * at start, so a rotation is a restart with other settings.
 */
class KeyRotationIT {

    static final String PASSWORD = "rotation-operator-1";

    @TempDir
    Path work;

    @Test
    void aNewSigningKeyTakesOverWithoutRefusingTokensOfThePreviousOneUntilItIsRetired() throws Exception {
        Path data = work.resolve("data");
        Map<String, String> operator = Map.of("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        String generatedKeyToken;
        try (RosterProcess first = RosterProcess.start(work, data, operator)) {
            generatedKeyToken = new Api(first.url()).token("admin", PASSWORD, null);
        }

        KeyPair second = rsa();
        String secondKeyToken;
        try (RosterProcess roster = RosterProcess.start(work, data, Map.of(
                "ROSTER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD, "ROSTER_TOKEN_SIGNING_KEY", privatePem(second)))) {
            Api api = new Api(roster.url());
            api.get("/api/v1/tenants").as(generatedKeyToken).send().expect(200);
            secondKeyToken = api.token("admin", PASSWORD, null);
            assertNotEquals(kid(generatedKeyToken), kid(secondKeyToken), "the configured key signs now");
            JWKSet published = JWKSet.parse(api.get("/api/v1/provisioning/token/jwks").send().expect(200).body());
            assertEquals(2, published.getKeys().size());
            assertTrue(published.getKeyByKeyId(kid(generatedKeyToken)) != null);
            api.get("/api/v1/tenants").as(secondKeyToken).send().expect(200);
        }

        Files.delete(data.resolve("keys").resolve("token-signing-key.pem")); // retire the generated key
        KeyPair third = rsa();
        try (RosterProcess roster = RosterProcess.start(work, data, Map.of(
                "ROSTER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD, "ROSTER_TOKEN_SIGNING_KEY", privatePem(third),
                "ROSTER_TOKEN_PREVIOUS_KEYS", publicPem(second)))) {
            Api api = new Api(roster.url());
            api.get("/api/v1/tenants").as(secondKeyToken).send().expect(200);
            api.get("/api/v1/tenants").as(generatedKeyToken).send().expect(401);
            String thirdKeyToken = api.token("admin", PASSWORD, null);
            api.get("/api/v1/tenants").as(thirdKeyToken).send().expect(200);
            assertEquals(2, JWKSet.parse(api.get("/api/v1/provisioning/token/jwks").send().body()).getKeys().size());
        }
    }

    private static String kid(String token) throws java.text.ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    private static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
