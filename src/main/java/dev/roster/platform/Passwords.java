package dev.roster.platform;

import dev.roster.problem.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with Jakarta Security's PBKDF2: HMAC-SHA512, 210,000 iterations (OWASP's 2023 advice),
 * a 32-byte salt. The stored form names its own parameters, so raising {@code roster.password.iterations}
 * later keeps older hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "roster.password.iterations", defaultValue = "210000")
    int iterations;

    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(iterations, 10_000)),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate("decoy-password-never-matches".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /**
     * Checks a password; with a null stored hash (no such account) it spends the same time on a decoy,
     * so the answer's timing does not tell whether the account exists.
     */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            hash.verify(password.toCharArray(), decoy);
            return false;
        }
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** The rule every written password must meet; throws {@link InvalidInput} naming {@code field}. */
    public static void check(String field, String password) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInput(field, "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
        }
    }
}
