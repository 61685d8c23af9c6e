package dev.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slices of a list that a client reads by position (SCIM's {@code startIndex} and {@code count}), kept fast deep
 * into a large list. A slice ordered by a unique column ends at a known key; the slice that follows it (the next
 * request of a client paging through) starts after that key in the index instead of skipping every entry before
 * it. The total of a large list is counted at most every {@link #TOTAL_TTL} per list, and exactly whenever it is
 * small or the slice shows it. Both are remembered by this instance only ({@link #REMEMBERED} lists each); a
 * request another instance serves reads the plain way, with the same answer.
 *
 * <p>While the list changes, a client paging through it with these keys sees each row once, in order, where
 * skipping by position would repeat or miss a row whenever one before its position came or went (RFC 7644 section
 * 3.4.2.4 leaves consistency under change to the service provider).
 */
@ApplicationScoped
public class Slices {

    /** Below this, a total is always counted: counting it costs about as much as reading a slice. */
    static final long COUNT_ALWAYS_BELOW = 10_000;
    static final Duration TOTAL_TTL = Duration.ofSeconds(30);
    static final int REMEMBERED = 10_000;

    private final Map<String, String> next = lru();
    private final Map<String, Counted> totals = lru();

    private record Counted(long total, Instant at) {
    }

    /**
     * The ids ({@code id}, a column) of {@code count} rows from {@code offset} of those {@code from} selects (its
     * {@code ?} bound to {@code parameters}), ordered by {@code order} and then by {@code id}, and how many rows it
     * selects in all; {@code count} 0 only counts them. {@code unique}: no two rows of the list share a value of
     * {@code order}, so a slice can start after the last key of the one before it.
     */
    public Slice<String> ids(EntityManager em, String id, String from, List<Object> parameters, String order,
                             boolean unique, boolean descending, long offset, int count) {
        String list = digest(from + '\u0000' + parameters + '\u0000' + order + (descending ? " DESC" : ""));
        List<String> ids = List.of();
        if (count > 0) {
            String direction = descending ? " DESC" : "";
            String after = unique && offset > 0 ? remembered(next, list + '\u0000' + offset) : null;
            String sliceFrom = after == null ? from : from + " AND " + order + (descending ? " < ?" : " > ?");
            List<Object> sliced = new ArrayList<>(parameters);
            if (after != null) {
                sliced.add(after);
            }
            sliced.addAll(List.of(after == null ? offset : 0L, count));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = CriteriaSql.bind(em.createNativeQuery("SELECT " + id + ", " + order + sliceFrom
                    + " ORDER BY " + order + direction + ", " + id + direction
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"),
                    sliced).getResultList();
            ids = rows.stream().map(row -> (String) row[0]).toList();
            if (unique && rows.size() == count && rows.get(count - 1)[1] != null) {
                remember(next, list + '\u0000' + (offset + count), rows.get(count - 1)[1].toString());
            }
        }
        if (count > 0 && ids.size() < count && (!ids.isEmpty() || offset == 0)) {
            return new Slice<>(ids, offset, offset + ids.size()); // a slice that is not full ends the list
        }
        Counted known = remembered(totals, list);
        if (known != null && known.at().plus(TOTAL_TTL).isAfter(Clock.now())) {
            return new Slice<>(ids, offset, Math.max(known.total(), offset + ids.size()));
        }
        long total = ((Number) CriteriaSql.bind(em.createNativeQuery("SELECT COUNT(*)" + from), parameters)
                .getSingleResult()).longValue();
        if (total >= COUNT_ALWAYS_BELOW) {
            remember(totals, list, new Counted(total, Clock.now()));
        }
        return new Slice<>(ids, offset, total);
    }

    /** A short key for a list (its statement can be long, and a key is kept for each of thousands of lists). */
    private static String digest(String list) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(list.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    private static <V> V remembered(Map<String, V> map, String key) {
        return map.get(key);
    }

    private static <V> void remember(Map<String, V> map, String key, V value) {
        map.put(key, value);
    }
}
