package dev.roster.job.boundary;

import dev.roster.platform.LimitedInput;
import dev.roster.problem.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a CSV of users (RFC 4180, UTF-8, a header row naming the columns) into bulk {@code create} items, one per row,
 * a row at a time. An empty cell leaves its field unset. {@code roles} and {@code groups} hold several values separated
 * by {@code ;}: role names or ids (granted for the whole tenant, open-ended) and group ids. {@code invite} is
 * {@code true} or {@code false}. A row that cannot be read (too few or too many cells) becomes an item that fails with
 * the reason, and the other rows go on; a header naming an unknown column refuses the whole file.
 */
final class CsvUsers {

    /** The columns, with {@code username} required; the others are the native user's fields of the same name. */
    static final List<String> COLUMNS = List.of("username", "email", "firstName", "lastName", "timeZone", "country",
            "zipCode", "avatar", "gender", "birthYear", "hint", "manager", "password", "status", "identityProviderId",
            "orgUserId", "companyName", "dept", "companyContactPhone", "worknumber", "street", "suiteNo", "city", "zip",
            "state", "canCreateBot", "isDeveloper", "roles", "groups", "invite");
    static final String ROW = "row";
    static final String ROW_PROBLEM = "rowProblem";
    static final int MAX_CELL = 65_536;

    private CsvUsers() {
    }

    /** Reads {@code body} (at most {@code maxBytes}, {@code maxRows} rows after the header) into items. */
    static void read(InputStream body, long maxBytes, int maxRows, Consumer<JsonValue> each) {
        try (Reader reader = new BufferedReader(new InputStreamReader(new LimitedInput(body, maxBytes),
                StandardCharsets.UTF_8), 65_536)) {
            Cells cells = new Cells(reader);
            List<String> header = cells.row();
            if (header == null || header.stream().allMatch(String::isBlank)) {
                throw new InvalidInput("header", "the CSV must start with a header row naming its columns, such as "
                        + "username,email,firstName,lastName,roles");
            }
            header = header.stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
            checkHeader(header);
            int rows = 0;
            for (List<String> row = cells.row(); row != null; row = cells.row()) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (++rows > maxRows) {
                    throw new InvalidInput("rows", "a CSV holds at most " + maxRows + " rows besides its header");
                }
                each.accept(item(header, row, rows));
            }
            if (rows == 0) {
                throw new InvalidInput("rows", "the CSV holds no row besides its header");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkHeader(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw new InvalidInput("header", "'" + column + "' is not a column; the columns are "
                        + String.join(", ", COLUMNS));
            }
            if (!seen.add(column)) {
                throw new InvalidInput("header", "names the column '" + column + "' twice");
            }
        }
        if (!seen.contains("username")) {
            throw new InvalidInput("header", "must name the column username");
        }
    }

    private static JsonValue item(List<String> header, List<String> row, int number) {
        JsonObjectBuilder item = Json.createObjectBuilder().add("op", "create");
        if (row.size() != header.size()) {
            return unreadable(header, row, number, "has " + row.size() + " cells; the header names " + header.size()
                    + " columns");
        }
        JsonObjectBuilder user = Json.createObjectBuilder();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = row.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            switch (column) {
                case "roles" -> {
                    JsonArrayBuilder privileges = Json.createArrayBuilder();
                    split(cell).forEach(role -> privileges.add(Json.createObjectBuilder().add("role", role)));
                    user.add("tenantUserPrivileges", privileges);
                }
                case "groups" -> item.add("groups", Json.createArrayBuilder(split(cell)));
                case "invite", "canCreateBot", "isDeveloper" -> {
                    String flag = cell.strip().toLowerCase(Locale.ROOT);
                    if (!flag.equals("true") && !flag.equals("false")) {
                        return unreadable(header, row, number, column + " must be true or false");
                    }
                    (column.equals("invite") ? item : user).add(column, Boolean.parseBoolean(flag));
                }
                case "birthYear" -> {
                    try {
                        user.add(column, Integer.parseInt(cell.strip()));
                    } catch (NumberFormatException e) {
                        return unreadable(header, row, number, "birthYear must be a whole number");
                    }
                }
                default -> user.add(column, cell);
            }
        }
        return item.add("user", user).build();
    }

    /** A row that cannot be read: an item that fails with {@code problem}, named by the row's username if any. */
    private static JsonValue unreadable(List<String> header, List<String> row, int number, String problem) {
        JsonObjectBuilder item = Json.createObjectBuilder().add("op", "create").add(ROW, number)
                .add(ROW_PROBLEM, problem);
        int username = header.indexOf("username");
        if (username < row.size() && !row.get(username).isEmpty()) {
            item.add("username", row.get(username));
        }
        return item.build();
    }

    private static List<String> split(String cell) {
        List<String> values = new ArrayList<>();
        for (String value : cell.split(";")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /** RFC 4180 cells: fields separated by commas, rows by CRLF or LF, quotes doubled inside quoted fields. */
    private static final class Cells {
        private final Reader in;
        private int next = -2;

        Cells(Reader in) {
            this.in = in;
        }

        private int peek() throws IOException {
            if (next == -2) {
                next = in.read();
            }
            return next;
        }

        private int take() throws IOException {
            int c = peek();
            next = -2;
            return c;
        }

        /** The next row's cells, or null at the end. */
        List<String> row() throws IOException {
            if (peek() == -1) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (true) {
                int c = take();
                if (quoted) {
                    if (c == -1) {
                        throw new InvalidInput("rows", "a quoted cell is not closed before the end of the CSV");
                    }
                    if (c == '"' && peek() == '"') {
                        take();
                        cell.append('"');
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        append(cell, c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r' && peek() == '\n') {
                        take();
                    }
                    cells.add(cell.toString());
                    return cells;
                } else {
                    append(cell, c);
                }
            }
        }

        private static void append(StringBuilder cell, int c) {
            if (cell.length() >= MAX_CELL) {
                throw new InvalidInput("rows", "a cell is longer than " + MAX_CELL + " characters");
            }
            cell.append((char) c);
        }
    }
}
