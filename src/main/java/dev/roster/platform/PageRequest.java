package dev.roster.platform;

import dev.roster.problem.InvalidInput;

/**
 * {@code page} (from 0) and {@code size} (default 20, at most {@link #MAX_SIZE}) of a list request.
 * A size beyond the maximum is refused rather than silently cut, so a client never mistakes a short
 * page for the end of the list.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 10_000_000;

    /** From the raw query parameters (taken as text so a non-number is a 400 that names it, not a 404). */
    public static PageRequest of(String page, String size) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0 || p > MAX_PAGE) {
            throw new InvalidInput("page", "must be between 0 and " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    private static int parse(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }

    public int offset() {
        return page * size;
    }
}
