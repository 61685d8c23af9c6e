package dev.roster.it.shared;

import java.nio.file.Path;

/** What a system test may know of the shared Roster beyond its address. */
public final class SharedRoster {

    static final String LOG_PROPERTY = "roster.it.log.file";

    private SharedRoster() {
    }

    /** The shared Roster's whole log (Payara Micro's standard output and error). */
    public static Path log() {
        String file = System.getProperty(LOG_PROPERTY);
        if (file == null) {
            throw new IllegalStateException("the shared Roster has not started");
        }
        return Path.of(file);
    }
}
