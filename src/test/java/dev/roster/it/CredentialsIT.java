package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys, x-app-token, Basic, the Aisera double credential, client credentials and the published keys. */
class CredentialsIT extends RosterIT {

    static final String USERS = "/api/v1/provisioning/users";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAnAdministrator() {
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndActsForItsOwner() {
        String etag = api.get(USERS + "/admin").as(admin).send().expect(200).header("ETag");
        JsonObject created = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"HR sync\"}").send()
                .expect(201).json();
        String secret = created.getString("apiToken");
        assertTrue(secret.startsWith(created.getString("prefix")));
        assertTrue(secret.length() > 40);
        Api.Answer read = api.get("/api/v1/provisioning/api-keys/" + created.getString("id")).as(admin).send().expect(200);
        assertFalse(read.json().containsKey("apiToken"));
        Api.Answer list = api.get("/api/v1/provisioning/api-keys").as(admin).send().expect(200);
        assertEquals(1, list.json().getInt("totalElements"));
        assertFalse(list.body().contains(secret));
        assertEquals(List.of("admin"), api.get(USERS).header("x-app-token", secret).send().expect(200).usernames());
        JsonObject owner = api.get(USERS + "/admin").header("x-app-token", secret).send().json();
        JsonObject shown = owner.getJsonArray("activeApiKeys").getJsonObject(0);
        assertEquals("HR sync", shown.getString("name"));
        assertFalse(owner.toString().contains(secret));
        assertNotNull(shown.getString("lastUsedAt"), "a use is recorded");
        assertEquals(etag, api.get(USERS + "/admin").as(admin).send().header("ETag"),
                "issuing a key leaves its owner's version, so it collides with no concurrent change of the user");
        assertFalse(api.get("/api/v1/provisioning/events?size=200").as(admin).send().body().contains(secret));
    }

    @Test
    void anAdministratorManagesAnotherUsersKeysAndRotationKillsTheOldSecret() {
        api.member(tenant, "bot", "USER", null);
        JsonObject created = api.post(USERS + "/bot/api-keys").as(admin).json("{\"name\":\"bot key\"}").send()
                .expect(201).json();
        String id = created.getString("id");
        String first = created.getString("apiToken");
        assertEquals(List.of("bot"), api.get(USERS).header("x-app-token", first).send().expect(200).usernames());
        String second = api.post(USERS + "/bot/api-keys/" + id + "/rotate").as(admin).send().expect(200).json()
                .getString("apiToken");
        assertNotEquals(first, second);
        api.get(USERS).header("x-app-token", first).send().expect(401);
        api.get(USERS).header("x-app-token", second).send().expect(200);
        api.delete(USERS + "/bot/api-keys/" + id).as(admin).send().expect(204);
        api.get(USERS).header("x-app-token", second).send().expect(401);
        api.get(USERS + "/bot/api-keys/" + id).as(admin).send().expect(404);
        String bot = api.token("bot", Api.PASSWORD, tenant);
        api.get(USERS + "/admin/api-keys").as(bot).send().expect(403);
    }

    @Test
    void aKeyWorksOnlyInsideItsWindowAndWhileItsOwnerAndTenantDo() {
        api.member(tenant, "worker", "ADMINISTRATOR", null);
        String future = key("worker", "{\"name\":\"later\",\"activeFrom\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        String ended = key("worker", "{\"name\":\"ended\",\"activeFrom\":\"2001-01-01T00:00:00Z\","
                + "\"activeUntil\":\"2002-01-01T00:00:00Z\"}");
        String good = key("worker", "{\"name\":\"good\"}");
        api.get(USERS).header("x-app-token", future).send().expect(401);
        api.get(USERS).header("x-app-token", ended).send().expect(401);
        api.get(USERS).header("x-app-token", good).send().expect(200);

        api.put(USERS + "/worker/privilege").as(admin).json("{\"role\":\"USER\"}").send().expect(200);
        api.get("/api/v1/provisioning/events").header("x-app-token", good).send().expect(403);
        api.delete(USERS + "/worker").as(admin).send().expect(204);
        api.get(USERS).header("x-app-token", good).send().expect(401);
        api.put(USERS + "/worker/privilege").as(admin).json("{\"role\":\"ADMINISTRATOR\"}").send().expect(201);
        api.get(USERS).header("x-app-token", good).send().expect(200);

        api.put("/api/v1/tenants/" + tenant).as(api.operator()).json("{\"active\":false}").send().expect(200);
        api.get(USERS).header("x-app-token", good).send().expect(401);
    }

    @Test
    void malformedForeignAndMissingKeysAreRefused() {
        api.get(USERS).header("x-app-token", "").send().expect(401);
        api.get(USERS).header("x-app-token", "rk_notarealkey").send().expect(401);
        api.get(USERS).header("x-app-token", "x".repeat(5000)).send().expect(401);
        String other = api.newTenant();
        String foreign = key(null, "{\"name\":\"mine\"}");
        api.get(USERS).header("x-app-token", foreign).tenant(other).send().expect(403);
        api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"\"}").send().expect(400);
        api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"x\",\"secret\":\"mine\"}").send().expect(400);
        api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"x\",\"activeFrom\":\"2020-02-01T00:00:00Z\","
                + "\"activeUntil\":\"2020-01-01T00:00:00Z\"}").send().expect(400);
        api.get("/api/v1/provisioning/api-keys").as(api.operator()).tenant(tenant).send().expect(403);
    }

    @Test
    void basicAuthenticatesAUserOfTheTenantNamedInXTenant() {
        api.get(USERS).header("Authorization", basic("admin", Api.PASSWORD)).tenant(tenant).send().expect(200);
        Api.Answer wrong = api.get(USERS).header("Authorization", basic("admin", "wrong-password")).tenant(tenant).send()
                .expect(401);
        Api.Answer nobody = api.get(USERS).header("Authorization", basic("nobody", "wrong-password")).tenant(tenant).send()
                .expect(401);
        assertEquals(wrong.json().getString("detail"), nobody.json().getString("detail"));
        assertFalse(wrong.body().contains("wrong-password"));
        api.get(USERS).header("Authorization", "Basic !!!").tenant(tenant).send().expect(401);
        api.get(USERS).header("Authorization", basic("admin", Api.PASSWORD)).tenant(api.newTenant()).send().expect(401);
        api.get("/api/v1/tenants").header("Authorization", basic(Api.OPERATOR, Api.OPERATOR_PASSWORD)).send().expect(200);
    }

    @Test
    void authorizationAndXAppTokenTogetherMustProveTheSameUser() {
        String adminKey = key(null, "{\"name\":\"aisera\"}");
        api.get(USERS).as(admin).header("x-app-token", adminKey).send().expect(200);
        api.get(USERS).header("Authorization", basic("admin", Api.PASSWORD)).tenant(tenant)
                .header("x-app-token", adminKey).send().expect(200);
        String other = api.member(tenant, "other", "ADMINISTRATOR", null);
        api.get(USERS).as(other).header("x-app-token", adminKey).send().expect(401);
        api.get(USERS).as(admin).header("x-app-token", "rk_wrong").send().expect(401);
        api.get(USERS).header("Authorization", "Bearer nonsense").header("x-app-token", adminKey).send().expect(401);
    }

    @Test
    void clientCredentialsTradeAKeyForATokenThatDiesWithTheKey() {
        JsonObject created = api.post("/api/v1/provisioning/api-keys").as(admin).json("{\"name\":\"cc\"}").send()
                .expect(201).json();
        String id = created.getString("id");
        String secret = created.getString("apiToken");
        String viaBasic = api.post("/api/v1/provisioning/token").header("Authorization", basic(id, secret))
                .form(Map.of("grant_type", "client_credentials")).send().expect(200).json().getString("access_token");
        String viaForm = api.post("/api/v1/provisioning/token").form(Map.of("grant_type", "client_credentials",
                "client_id", created.getString("prefix"), "client_secret", secret)).send().expect(200).json()
                .getString("access_token");
        assertEquals(tenant, TokenIT.claims(viaBasic).getString("tenant"));
        api.get(USERS).as(viaBasic).send().expect(200);
        api.get(USERS).as(viaForm).send().expect(200);
        Api.Answer wrong = api.post("/api/v1/provisioning/token").header("Authorization", basic(id, "rk_wrong"))
                .form(Map.of("grant_type", "client_credentials")).send().expect(401);
        assertEquals("invalid_client", wrong.json().getString("error"));
        api.post("/api/v1/provisioning/token").form(Map.of("grant_type", "client_credentials", "client_id", "other-id",
                "client_secret", secret)).send().expect(401);
        api.post("/api/v1/provisioning/token").form(Map.of("grant_type", "client_credentials")).send().expect(400);
        api.delete("/api/v1/provisioning/api-keys/" + id).as(admin).send().expect(204);
        api.get(USERS).as(viaBasic).send().expect(401);
    }

    @Test
    void repeatedFailedLoginsAreSlowedWith429AndRetryAfterButNotForever() {
        api.member(tenant, "target", "USER", null);
        for (int i = 0; i < 5; i++) {
            assertEquals("invalid_grant", api.login("target", "guess-" + i, tenant).expect(400).json().getString("error"));
        }
        Api.Answer throttled = api.login("target", "guess-5", tenant).expect(400);
        Api.Answer locked = api.login("target", Api.PASSWORD, tenant).expect(429);
        assertTrue(locked.header("Content-Type").startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
        api.get(USERS).header("Authorization", basic("target", Api.PASSWORD)).tenant(tenant).send().expect(429);
        assertEquals("HTTP/1.1 429 Too Many Requests", RawHttp.statusLine(base, "POST /api/v1/provisioning/token"
                + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded", "grant_type=password&username=target"
                + "&password=" + Api.PASSWORD + "&tenant=" + tenant), "the token endpoint's status line");
        assertEquals("HTTP/1.1 429 Too Many Requests", RawHttp.statusLine(base, "GET " + USERS + " HTTP/1.1\r\n"
                + "X-Tenant: " + tenant + "\r\nAuthorization: " + basic("target", Api.PASSWORD), ""),
                "the authentication mechanism's status line");
        for (int i = 0; i < 5; i++) { // an account that does not exist is answered exactly alike
            api.login("ghost", "guess-" + i, tenant).expect(400);
        }
        api.login("ghost", "guess-5", tenant).expect(400);
        assertEquals(429, api.login("ghost", "guess-6", tenant).status());
        Poll.until(Duration.ofSeconds(retryAfter + 5), "the account may sign in again after Retry-After",
                () -> api.login("target", Api.PASSWORD, tenant).status() == 200);
        assertEquals(400, throttled.status());
    }

    @Test
    void aClientThatKeepsPresentingBadKeysIsRefusedWhileOthersAreNot() throws Exception {
        String good = key(null, "{\"name\":\"good\"}");
        String attacker = "127.0.0.9"; // a client of its own: its failures do not count against 127.0.0.1
        for (int i = 0; i <= 100; i++) {
            assertEquals(401, rawGet(attacker, USERS, "x-app-token", "rk_guess" + i)[0]);
        }
        String[] refused = statusAndRetryAfter(attacker, good);
        assertEquals("429", refused[0], "even a good key is refused from the throttled client");
        assertTrue(Integer.parseInt(refused[1]) >= 1);
        api.get(USERS).header("x-app-token", good).send().expect(200);
        assertEquals(200, rawGet("127.0.0.1", USERS, "x-app-token", good)[0]);
    }

    @Test
    void theOperatorActsInATenantWithBasicAsWithItsBearerToken() {
        String basic = basic(Api.OPERATOR, Api.OPERATOR_PASSWORD);
        Api.Answer listed = api.get(USERS).header("Authorization", basic).tenant(tenant).send().expect(200);
        assertEquals(api.get(USERS).as(api.operator()).tenant(tenant).send().expect(200).usernames(), listed.usernames());
        api.get("/api/v1/tenants").header("Authorization", basic).send().expect(200);
        api.get(USERS).header("Authorization", basic(Api.OPERATOR, "not-the-password")).tenant(tenant).send()
                .expect(401);
    }

    @Test
    void koreAisAuthHeaderIsNoCredentialOnTheNativeApi() {
        api.get(USERS).header("auth", admin).send().expect(401);
    }

    @Test
    void issuedTokensVerifyAgainstThePublishedJwkSet() throws Exception {
        JsonObject discovery = api.get("/.well-known/openid-configuration").send().expect(200).json();
        String jwksUri = discovery.getString("jwks_uri");
        assertTrue(jwksUri.endsWith("/api/v1/provisioning/token/jwks"));
        JWKSet keys = JWKSet.parse(api.get("/api/v1/provisioning/token/jwks").send().expect(200).body());
        SignedJWT token = SignedJWT.parse(admin);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertNotNull(key, "the token's kid is published");
        assertFalse(key.isPrivate(), "only the public half is published");
        assertTrue(token.verify(new RSASSAVerifier(key)));
        assertEquals(discovery.getString("issuer"), token.getJWTClaimsSet().getIssuer());
        assertEquals("admin", token.getJWTClaimsSet().getStringClaim("upn"));
    }

    private String key(String owner, String json) {
        String path = owner == null ? "/api/v1/provisioning/api-keys" : USERS + "/" + owner + "/api-keys";
        return api.post(path).as(admin).json(json).send().expect(201).json().getString("apiToken");
    }

    private String[] statusAndRetryAfter(String from, String key) throws IOException {
        int[] status = rawGet(from, USERS, "x-app-token", key);
        return new String[] {Integer.toString(status[0]), Integer.toString(status[1])};
    }

    /** A GET over a socket bound to {@code from}, so the server sees that client address: {status, Retry-After}. */
    private int[] rawGet(String from, String path, String header, String value) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\n" + header + ": "
                    + value + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            int status = Integer.parseInt(reader.readLine().split(" ")[1]);
            int retryAfter = 0;
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase().startsWith("retry-after:")) {
                    retryAfter = Integer.parseInt(line.substring(12).strip());
                }
            }
            return new int[] {status, retryAfter};
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
