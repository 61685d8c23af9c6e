package dev.roster.problem;

/** One offending input field: its JSON name (or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
