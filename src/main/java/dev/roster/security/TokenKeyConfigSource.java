package dev.roster.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives MicroProfile JWT the public keys that verify Roster's tokens ({@code mp.jwt.verify.publickey}) as a
 * JWK set (the signing key and any previous ones), generating the key under the data folder on first use. Ordinal 90: an operator's own
 * {@code mp.jwt.verify.publickey} (system property or environment) still wins.
 */
public class TokenKeyConfigSource implements ConfigSource {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, SigningKeys.jwks());
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? SigningKeys.jwks() : null;
    }

    @Override
    public String getName() {
        return "roster-token-signing-key";
    }

    @Override
    public int getOrdinal() {
        return 90;
    }
}
