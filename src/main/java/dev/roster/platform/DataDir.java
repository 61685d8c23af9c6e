package dev.roster.platform;

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
}
