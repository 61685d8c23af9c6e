package dev.roster.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    @BeforeAll
    static void key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.setProperty("roster.secrets.key", Base64.getEncoder().encodeToString(key));
    }

    @Test
    void aSealedSecretOpensOnlyWhereItWasSealedFor() {
        String sealed = SecretBox.seal("mq-password", "service-endpoint:1:password");
        assertFalse(sealed.contains("mq-password"));
        assertTrue(sealed.startsWith("v1:"));
        assertEquals("mq-password", SecretBox.open(sealed, "service-endpoint:1:password"));
        assertThrows(IllegalStateException.class, () -> SecretBox.open(sealed, "service-endpoint:2:password"),
                "a ciphertext copied to another row does not open");
        assertNotEquals(sealed, SecretBox.seal("mq-password", "service-endpoint:1:password"), "a fresh IV each time");
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        String sealed = SecretBox.seal("mq-password", "c");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(IllegalStateException.class, () -> SecretBox.open(tampered, "c"));
    }
}
