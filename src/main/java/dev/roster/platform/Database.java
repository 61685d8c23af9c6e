package dev.roster.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The two databases Roster runs on. Embedded Derby is the default; {@code roster.db.url} with a
 * {@code jdbc:postgresql:} URL selects PostgreSQL ({@link RosterDatabase}). Code that must differ between them asks
 * this type, in one place each: the migration runner chooses a script's variant by it ({@link Migrations}).
 */
public enum Database {
    DERBY("derby"),
    POSTGRESQL("postgresql");

    private final String key;

    Database(String key) {
        this.key = key;
    }

    /** The name migration scripts mark a statement of this database with ({@code --@postgresql}). */
    public String key() {
        return key;
    }

    /** The database behind a connection, by the product name its driver reports. */
    public static Database of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return DERBY;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Roster runs on Derby or PostgreSQL, not on " + product);
    }

    /** The database a key names in a migration marker, or null. */
    static Database named(String key) {
        for (Database database : values()) {
            if (database.key.equals(key)) {
                return database;
            }
        }
        return null;
    }
}
