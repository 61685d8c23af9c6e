package dev.roster.platform;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;

/** Recognises the two ways concurrent requests collide in the database. */
public final class Races {

    private Races() {
    }

    /** A race lost either way: Roster answers it 409. */
    public static boolean lost(Throwable thrown) {
        return duplicate(thrown) || lostUpdate(thrown);
    }

    /** A unique constraint refused a row another transaction committed first (SQLState class 23). */
    public static boolean duplicate(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database rolled the transaction back to resolve a conflict (SQLState class 40: a deadlock, a serialization
     * failure, Derby's lock timeout): doing the same work again may well succeed.
     */
    public static boolean transientRollback(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** A row changed under an update since it was read (optimistic locking). */
    public static boolean lostUpdate(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
