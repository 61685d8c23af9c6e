package dev.roster.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature, issuer and expiry MicroProfile JWT has already verified, kept until they
 * expire. Verifying a signature is the dearest step of a request; a client sends the same token many times.
 * Only the cryptographic check is remembered: whether the user, its tenant and its roles still hold is
 * read from the database on every request ({@link Principals}), so revocation still applies at once.
 * Signing keys only change with a restart, so nothing here can go stale while the process runs.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Enough for every client of a busy instance; beyond it, expired entries go first, then all. */
    static final int CAPACITY = 20_000;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    public Optional<JsonWebToken> get(String token) {
        JsonWebToken jwt = verified.get(token);
        if (jwt == null) {
            return Optional.empty();
        }
        if (expired(jwt, nowSeconds())) {
            verified.remove(token);
            return Optional.empty();
        }
        return Optional.of(jwt);
    }

    public void put(String token, JsonWebToken jwt) {
        if (verified.size() >= CAPACITY) {
            long now = nowSeconds();
            verified.values().removeIf(t -> expired(t, now));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    private static boolean expired(JsonWebToken jwt, long nowSeconds) {
        return jwt.getExpirationTime() <= nowSeconds;
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
