package dev.roster.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the shared Roster's database holds, read from outside Roster: on Derby the bytes of its files under the data
 * folder, on PostgreSQL (when the build set {@code ROSTER_DB_URL}) every row of every table, as text.
 */
public final class StoredData {

    private StoredData() {
    }

    /** Whether any stored byte sequence (Derby) or any row (PostgreSQL) contains {@code text}. */
    public static boolean contains(String text) throws IOException, SQLException {
        String url = System.getenv("ROSTER_DB_URL");
        return url == null ? filesContain(Path.of(System.getenv().getOrDefault("ROSTER_DATA_DIR", "target/it-data"), "db"),
                text) : rowsContain(url, text);
    }

    private static boolean rowsContain(String url, String text) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, System.getenv("ROSTER_DB_USER"),
                System.getenv("ROSTER_DB_PASSWORD"))) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM " + table + " t WHERE strpos(t::text, ?) > 0 LIMIT 1")) {
                    query.setString(1, text);
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    private static boolean filesContain(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
