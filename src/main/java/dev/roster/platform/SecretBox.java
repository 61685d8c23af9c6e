package dev.roster.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept for a tenant (service endpoint passwords and keys) with AES-256-GCM. Each value is
 * bound to where it lives (the associated data names its row and field), so a ciphertext copied elsewhere does
 * not decrypt. The key is {@code roster.secrets.key} ({@code ROSTER_SECRETS_KEY}, 32 bytes in base64) or, without
 * it, {@code keys/secrets.key} under the data folder, generated on first use and readable by its owner only.
 */
public final class SecretBox {

    private static final String FORMAT = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile SecretKey key;

    private SecretBox() {
    }

    public static String seal(String plaintext, String context) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public static String open(String sealed, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a secret: wrong key or tampered value", e);
        }
    }

    /**
     * A check value of the key that reveals nothing of it (HMAC-SHA256 of a fixed text under the key, base64url):
     * instances sharing a database compare it, since each must be able to open what another sealed.
     */
    public static String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key().getEncoded(), "HmacSHA256"));
            byte[] check = mac.doFinal("roster secrets key check".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(check);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the secrets key's check value", e);
        }
    }

    private static SecretKey key() {
        SecretKey loaded = key;
        if (loaded == null) {
            synchronized (SecretBox.class) {
                loaded = key;
                if (loaded == null) {
                    loaded = new SecretKeySpec(load(), "AES");
                    key = loaded;
                }
            }
        }
        return loaded;
    }

    private static byte[] load() {
        String configured = DataDir.setting("roster.secrets.key");
        byte[] bytes;
        if (configured != null && !configured.isBlank()) {
            bytes = Base64.getDecoder().decode(configured.strip());
        } else {
            Path file = DataDir.path().resolve("keys").resolve("secrets.key");
            try {
                if (!Files.exists(file)) {
                    generate(file);
                }
                bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the secrets key", e);
            }
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("the secrets key must be 32 bytes (256 bits) in base64");
        }
        return bytes;
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // a file system without POSIX permissions keeps its defaults
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        DataDir.publish(temp, file);
    }
}
