package dev.roster.user.control;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Known places in a tenant's active list: {@code keys.get(i)} is the key (username, lower case) that had exactly
 * {@code (i + 1) * step} listed keys before it at the moment {@code at}. With the list's changes since then,
 * summed by key, each place is carried forward to now: a key's position grows by the changes at smaller keys.
 */
record Anchors(Instant at, int step, List<String> keys) {

    /** Read the list from {@code key} on, skipping {@code skip} listed entries, to reach an offset. */
    record Start(String key, long skip) {
    }

    /**
     * Where to start reading to reach {@code offset} now: the last known place at or before it, or empty when the
     * offset lies before the first one.
     */
    Optional<Start> start(long offset, NavigableMap<String, Long> changesByKey) {
        Iterator<Map.Entry<String, Long>> changes = changesByKey.entrySet().iterator();
        Map.Entry<String, Long> change = changes.hasNext() ? changes.next() : null;
        long shift = 0;
        Start best = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            while (change != null && change.getKey().compareTo(key) < 0) {
                shift += change.getValue();
                change = changes.hasNext() ? changes.next() : null;
            }
            long position = (long) (i + 1) * step + shift;
            if (position > offset) {
                break;
            }
            best = new Start(key, offset - position);
        }
        return Optional.ofNullable(best);
    }
}
