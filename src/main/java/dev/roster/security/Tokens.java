package dev.roster.security;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 JWTs that MicroProfile JWT verifies. Claims: {@code iss}, {@code sub} (the user's or
 * operator's id), {@code upn} (its username), {@code groups} (its effective roles when issued; informative,
 * since every request reads the roles anew), {@code tenant} (the tenant's label), {@code roster_kind},
 * {@code iat}, {@code exp}, {@code jti}.
 */
@ApplicationScoped
public class Tokens {

    public static final String KIND_CLAIM = "roster_kind";
    public static final String KIND_USER = "user";
    public static final String KIND_OPERATOR = "operator";
    public static final String TENANT_CLAIM = "tenant";
    /** Set on tokens issued for an API key (client credentials): the token dies with the key. */
    public static final String KEY_CLAIM = "roster_key";

    @Inject
    @ConfigProperty(name = "roster.token.issuer", defaultValue = "roster")
    String issuer;

    @Inject
    @ConfigProperty(name = "roster.token.lifetime-seconds", defaultValue = "900")
    long lifetimeSeconds;

    /** A signed token and how long it lives. */
    public record Issued(String token, long expiresIn) {
    }

    public Issued issue(String kind, String subject, String username, String tenantLabel, Collection<String> roles) {
        return issue(kind, subject, username, tenantLabel, roles, null);
    }

    public Issued issue(String kind, String subject, String username, String tenantLabel, Collection<String> roles,
                        String keyId) {
        Instant now = Instant.now();
        long lifetime = Math.max(lifetimeSeconds, 1);
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        roles.stream().sorted().forEach(groups::add);
        JsonObjectBuilder claims = JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", username)
                .add("groups", groups)
                .add(KIND_CLAIM, kind)
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + lifetime)
                .add("jti", UUID.randomUUID().toString());
        if (tenantLabel != null) {
            claims.add(TENANT_CLAIM, tenantLabel);
        }
        if (keyId != null) {
            claims.add(KEY_CLAIM, keyId);
        }
        SigningKeys.SigningKey key = SigningKeys.current();
        String header = JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", key.kid())
                .build().toString();
        String signingInput = base64Url(header) + "." + base64Url(claims.build().toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            return new Issued(token, lifetime);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
