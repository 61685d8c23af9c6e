package dev.roster.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Roster keeps its files ({@code roster.data.dir}, {@code ROSTER_DATA_DIR}, default {@code ./data}).
 * Read straight from system properties and the environment, because the data source and the token key
 * need it before the application's own configuration is available.
 */
public final class DataDir {

    private DataDir() {
    }

    public static Path path() {
        String dir = setting("roster.data.dir");
        return Path.of(dir == null || dir.isBlank() ? "data" : dir).toAbsolutePath().normalize();
    }

    /** A setting from a system property, else from its environment variable ({@code a.b-c} is {@code A_B_C}). */
    public static String setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value;
    }

    /**
     * Publishes a freshly written temporary file under its final name unless that name exists already: a hard
     * link is created atomically or not at all, so two instances starting together never replace each other's
     * key. Returns false when another instance got there first.
     */
    public static boolean publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            try {
                Files.move(temp, file);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
