package dev.roster.platform;

import java.util.List;

/** Some records from {@code offset} (from 0) of a list that holds {@code total} in all. */
public record Slice<T>(List<T> items, long offset, long total) {
}
