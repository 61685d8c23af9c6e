package dev.roster.security;

import dev.roster.platform.DataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The RSA keys of Roster's tokens. One key signs: the PKCS#8 PEM in {@code roster.token.signing-key}
 * ({@code ROSTER_TOKEN_SIGNING_KEY}) or, without it, {@code keys/token-signing-key.pem} under the data folder,
 * generated on first start and readable by its owner only. No key ships in the repository or the WAR.
 *
 * <p>Rotation by configuration: tokens signed with earlier keys keep verifying while those keys are listed in
 * {@code roster.token.previous-keys} (PEM public or private keys, one after another); when a configured key
 * takes over from the generated one, the generated one is trusted the same way. All of them are published in
 * the JWK set, which MicroProfile JWT verifies against, choosing by {@code kid}. Remove a previous key once
 * the tokens it signed have expired ({@code roster.token.lifetime-seconds}).
 *
 * <p>Read both by {@link TokenKeyConfigSource} (before CDI starts) and by the token issuer, hence a static
 * holder reading system properties and the environment directly.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final Pattern PEM = Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----(.*?)-----END \\1 KEY-----",
            Pattern.DOTALL);
    private static volatile Keys keys;

    private SigningKeys() {
    }

    /** A key: its public half and id, and its private half when Roster signs with it. */
    public record SigningKey(RSAPublicKey publicKey, PrivateKey privateKey, String kid) {
        String jwk() {
            return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                    + base64Url(publicKey.getModulus()) + "\",\"e\":\"" + base64Url(publicKey.getPublicExponent())
                    + "\"}";
        }
    }

    /** The signing key and every key a token may still be verified with (the signing key first). */
    public record Keys(SigningKey signing, List<SigningKey> verifying) {
        /** The public keys as an RFC 7517 JWK set. */
        public String jwks() {
            return verifying.stream().map(SigningKey::jwk).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        }
    }

    public static SigningKey current() {
        return keys().signing();
    }

    public static String jwks() {
        return keys().jwks();
    }

    static Keys keys() {
        Keys loaded = keys;
        if (loaded == null) {
            synchronized (SigningKeys.class) {
                loaded = keys;
                if (loaded == null) {
                    loaded = load();
                    keys = loaded;
                }
            }
        }
        return loaded;
    }

    private static Keys load() {
        try {
            String configured = DataDir.setting("roster.token.signing-key");
            Path file = DataDir.path().resolve("keys").resolve("token-signing-key.pem");
            List<SigningKey> verifying = new ArrayList<>();
            SigningKey signing;
            if (configured != null && !configured.isBlank()) {
                signing = parse(configured).stream().filter(k -> k.privateKey() != null).findFirst().orElseThrow(
                        () -> new IllegalStateException("roster.token.signing-key holds no PKCS#8 private key"));
                verifying.add(signing);
                if (Files.exists(file)) {
                    verifying.addAll(parse(Files.readString(file, StandardCharsets.US_ASCII)));
                }
            } else {
                if (!Files.exists(file)) {
                    generate(file);
                }
                signing = parse(Files.readString(file, StandardCharsets.US_ASCII)).get(0);
                verifying.add(signing);
            }
            String previous = DataDir.setting("roster.token.previous-keys");
            if (previous != null && !previous.isBlank()) {
                verifying.addAll(parse(previous));
            }
            List<SigningKey> distinct = new ArrayList<>();
            for (SigningKey key : verifying) {
                if (distinct.stream().noneMatch(k -> k.kid().equals(key.kid()))) {
                    distinct.add(key);
                }
            }
            return new Keys(signing, List.copyOf(distinct));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a token key is not an RSA key in PEM (PKCS#8 or X.509)", e);
        }
    }

    /** Every RSA key in a PEM text: private keys (PKCS#8, with their public half) and public keys (X.509). */
    static List<SigningKey> parse(String pem) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        List<SigningKey> found = new ArrayList<>();
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            byte[] der = Base64.getDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
            if (matcher.group(1).equals("PRIVATE")) {
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                        new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
                found.add(new SigningKey(publicKey, key, kid(publicKey)));
            } else {
                RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
                found.add(new SigningKey(publicKey, null, kid(publicKey)));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no PEM key found");
        }
        return found;
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.fine("the file system has no POSIX permissions; the key file keeps its default ones");
            }
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (DataDir.publish(temp, file)) {
            LOG.info(() -> "Generated the token signing key " + file);
        }
    }

    private static String kid(RSAPublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
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
