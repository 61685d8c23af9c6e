package dev.roster.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified bearer tokens: a token is remembered until it expires, and the cache stays bounded. */
class VerifiedTokensTest {

    @Test
    void aTokenIsRememberedUntilItExpiresAndNotAfter() {
        VerifiedTokens tokens = new VerifiedTokens();
        long now = System.currentTimeMillis() / 1000;
        JsonWebToken live = token(now + 60);
        tokens.put("live", live);
        tokens.put("expired", token(now - 1));
        assertEquals(live, tokens.get("live").orElseThrow());
        assertTrue(tokens.get("expired").isEmpty(), "an expired token is verified again, and then refused");
        assertTrue(tokens.get("never-seen").isEmpty());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens();
        long later = System.currentTimeMillis() / 1000 + 60;
        for (int i = 0; i < VerifiedTokens.CAPACITY + 10; i++) {
            tokens.put("t" + i, token(later));
        }
        int remembered = 0;
        for (int i = 0; i < VerifiedTokens.CAPACITY + 10; i++) {
            remembered += tokens.get("t" + i).isPresent() ? 1 : 0;
        }
        assertTrue(remembered <= VerifiedTokens.CAPACITY, "remembered " + remembered);
        assertTrue(tokens.get("t" + (VerifiedTokens.CAPACITY + 9)).isPresent(), "the newest is kept");
    }

    private static JsonWebToken token(long expiresAt) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.exp.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return Claims.exp.name().equals(claimName) ? (T) Long.valueOf(expiresAt) : null;
            }
        };
    }
}
