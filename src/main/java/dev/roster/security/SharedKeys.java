package dev.roster.security;

import dev.roster.platform.Races;
import dev.roster.platform.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Makes sure every instance on one database holds the same keys, at start-up, before it serves anything. Each
 * instance must verify the tokens the others sign and open the secrets the others seal; keys generated in separate
 * data folders would not. The database keeps a fingerprint of each key ({@code key_fingerprints}: the signing key's
 * {@code kid}, the secrets key's {@link SecretBox#fingerprint check value}, never a key), written by the first
 * instance to start; an instance whose keys disagree refuses to start and says which key to give it.
 *
 * <p>Rotating the signing key stays possible: an instance whose previous keys ({@code roster.token.previous-keys})
 * include the recorded signing key may sign with a new one, and records it. The secrets key cannot be rotated.
 */
public final class SharedKeys {

    private static final Logger LOG = Logger.getLogger(SharedKeys.class.getName());
    static final String SIGNING = "token-signing-key";
    static final String SECRETS = "secrets-key";

    private SharedKeys() {
    }

    /** Records this instance's key fingerprints, or refuses to start when they disagree with the database's. */
    public static void agree(Connection connection) throws SQLException {
        SigningKeys.Keys keys = SigningKeys.keys();
        String signing = keys.signing().kid();
        Set<String> verifying = keys.verifying().stream().map(SigningKeys.SigningKey::kid).collect(Collectors.toSet());
        String recorded = recordedOrMine(connection, SIGNING, signing);
        if (!recorded.equals(signing)) {
            if (!verifying.contains(recorded)) {
                throw new IllegalStateException("this instance signs tokens with key " + signing + " and cannot verify"
                        + " those of the other instances on this database, signed with key " + recorded + ": give every"
                        + " instance the same roster.token.signing-key (ROSTER_TOKEN_SIGNING_KEY); to rotate it, list"
                        + " the old key in roster.token.previous-keys (README, Rotating the signing key)");
            }
            update(connection, SIGNING, signing);
            LOG.info("Token signing key rotated from " + recorded + " to " + signing);
        }
        String secrets = SecretBox.fingerprint();
        if (!recordedOrMine(connection, SECRETS, secrets).equals(secrets)) {
            throw new IllegalStateException("this instance's secrets key is not the one the secrets in this database"
                    + " were encrypted with: give every instance the same roster.secrets.key (ROSTER_SECRETS_KEY)");
        }
    }

    /** The recorded fingerprint, after recording {@code mine} when there is none yet. */
    private static String recordedOrMine(Connection connection, String purpose, String mine) throws SQLException {
        String recorded = recorded(connection, purpose);
        if (recorded != null) {
            return recorded;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO key_fingerprints (purpose, fingerprint, recorded_at) VALUES (?, ?, ?)")) {
            insert.setString(1, purpose);
            insert.setString(2, mine);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            commit(connection);
            return mine;
        } catch (SQLException e) {
            rollback(connection);
            if (!Races.duplicate(e)) {
                throw e;
            }
            return recorded(connection, purpose); // another instance starting at the same moment recorded its own
        }
    }

    private static String recorded(Connection connection, String purpose) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT fingerprint FROM key_fingerprints WHERE purpose = ?")) {
            query.setString(1, purpose);
            try (ResultSet row = query.executeQuery()) {
                List<String> found = row.next() ? List.of(row.getString(1)) : List.of();
                commit(connection);
                return found.isEmpty() ? null : found.get(0);
            }
        }
    }

    private static void update(Connection connection, String purpose, String fingerprint) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE key_fingerprints SET fingerprint = ?, recorded_at = ? WHERE purpose = ?")) {
            update.setString(1, fingerprint);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, purpose);
            update.executeUpdate();
            commit(connection);
        }
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void rollback(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }
}
