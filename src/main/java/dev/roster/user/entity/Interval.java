package dev.roster.user.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open interval of time, {@code [from, until)}. */
public record Interval(Instant from, Instant until) {

    /** The union of {@code intervals}: sorted, with overlapping and touching ones merged, empty ones dropped. */
    public static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = intervals.stream().filter(i -> i.from.isBefore(i.until))
                .sorted(Comparator.comparing(Interval::from)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.from.isAfter(last.until)) {
                merged.set(merged.size() - 1, new Interval(last.from, next.until.isAfter(last.until) ? next.until
                        : last.until));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** {@code from-until;from-until…} in epoch milliseconds, as {@code users.listed_windows} stores them. */
    static String encode(List<Interval> intervals) {
        StringBuilder text = new StringBuilder();
        for (Interval interval : intervals) {
            text.append(text.isEmpty() ? "" : ";").append(interval.from.toEpochMilli()).append('-')
                    .append(interval.until.toEpochMilli());
        }
        return text.toString();
    }

    static List<Interval> decode(String text) {
        List<Interval> intervals = new ArrayList<>();
        for (String part : text.split(";")) {
            int dash = part.indexOf('-', 1);
            intervals.add(new Interval(Instant.ofEpochMilli(Long.parseLong(part.substring(0, dash))),
                    Instant.ofEpochMilli(Long.parseLong(part.substring(dash + 1)))));
        }
        return intervals;
    }
}
