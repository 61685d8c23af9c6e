package dev.roster.security;

import dev.roster.platform.DataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RSA key that signs Roster's tokens. Production passes its own PKCS#8 PEM in
 * {@code roster.token.signing-key} ({@code ROSTER_TOKEN_SIGNING_KEY}); otherwise the key is generated on
 * first start as {@code keys/token-signing-key.pem} under the data folder, readable by its owner only.
 * No key ships in the repository or the WAR.
 *
 * <p>Read both by {@link TokenKeyConfigSource} (before CDI starts) and by the token issuer, hence a
 * static holder; it reads its settings from system properties and the environment directly.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static volatile SigningKey current;

    private SigningKeys() {
    }

    public record SigningKey(KeyPair pair, String kid) {
        public RSAPublicKey publicKey() {
            return (RSAPublicKey) pair.getPublic();
        }

        /** The public half as an RFC 7517 JWK set. */
        public String jwks() {
            RSAPublicKey key = publicKey();
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                    + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
        }
    }

    public static SigningKey current() {
        SigningKey key = current;
        if (key == null) {
            synchronized (SigningKeys.class) {
                key = current;
                if (key == null) {
                    key = load();
                    current = key;
                }
            }
        }
        return key;
    }

    private static SigningKey load() {
        try {
            String configured = DataDir.setting("roster.token.signing-key");
            String pem;
            if (configured != null && !configured.isBlank()) {
                pem = configured;
            } else {
                Path file = DataDir.path().resolve("keys").resolve("token-signing-key.pem");
                if (!Files.exists(file)) {
                    generate(file);
                }
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            }
            KeyPair pair = fromPem(pem);
            return new SigningKey(pair, kid(pair));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.fine("the file system has no POSIX permissions; the key file keeps its default ones");
            }
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            LOG.info(() -> "Generated the token signing key " + file);
        } catch (FileAlreadyExistsException e) {
            LOG.fine("another instance created the signing key first");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static KeyPair fromPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        return new KeyPair(publicKey, key);
    }

    private static String kid(KeyPair pair) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    }

    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
