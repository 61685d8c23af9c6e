package dev.roster.user.control;

import dev.roster.platform.CriteriaSql;
import dev.roster.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The search of the tenant's listed users by a prefix {@code q} of their username, e-mail address, first or last name,
 * at a cost that does not grow with the number of matches.
 *
 * <p>The matches come in the order of the text that matched (then by which of the four it is, then by username): an
 * exact name before the longer ones that start with it, as a type-ahead shows them. Each of the four is one range of
 * an index in that order, read only as far as the page needs; the four are merged, and a user whose earliest match is
 * elsewhere is skipped where it matches again, so each user appears once. A page therefore reads at most
 * {@code 4 × (offset + size + 1)} index entries and their rows, however many users match: sorting every match by
 * username, as before, read all of them (7.2 s for a prefix of 100,000 users on Derby).
 *
 * <p>The total is exact while each of the four has at most {@link #EXACT} matches; past that it is a lower bound
 * ({@code totalExact: false}) that counts at least one match past the page whenever there is one.
 */
@ApplicationScoped
public class PrefixSearch {

    /** Each column's matches are counted exactly up to this many; past it the total is a lower bound. */
    static final int EXACT = 100;

    /** The columns searched, in the order of {@link Hit#values}, each with the index that reads its range in order. */
    private static final List<Column> COLUMNS = List.of(
            new Column("u.username_lc", "index=IX_USERS_LISTING", "u.username_lc"),
            new Column("u.email_lc", "constraint=UQ_USERS_EMAIL", "u.email_lc"),
            new Column("u.first_name_lc", "index=IX_USERS_FIRST_NAME", "u.first_name_lc, u.username_lc"),
            new Column("u.last_name_lc", "index=IX_USERS_LAST_NAME", "u.last_name_lc, u.username_lc"));
    /** Where a match sorts: the text that matched, then its column, then the username. */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::text).thenComparingInt(Key::column)
            .thenComparing(k -> k.hit().values()[0]);

    @PersistenceContext
    EntityManager em;

    @Inject
    Visibility visibility;

    private record Column(String name, String derbyIndex, String order) {
    }

    /** A listed user that matched: its id and its username, e-mail address, first and last name in lower case. */
    record Hit(String id, String... values) {
    }

    /** The ids of a page of matches, and the total (exact, or a lower bound). */
    record Found(List<String> ids, long total, boolean exact) {
    }

    /** The page of the tenant's users listed at {@code now}, visible to the caller, that match the prefix. */
    Found find(String tenant, String prefix, PageRequest page, Timestamp now) {
        String hi = prefix + '\uffff';
        int limit = Math.max(page.offset() + page.size(), EXACT) + 1;
        Visibility.Sql visible = visibility.sql();
        List<List<Hit>> columns = new ArrayList<>();
        for (Column column : COLUMNS) {
            List<Object> parameters = new ArrayList<>(List.of(tenant, prefix, hi, now, now));
            parameters.addAll(visible.parameters());
            parameters.add(limit);
            // Derby reads the index hint from the comment (and would otherwise sort the whole range); others skip it
            String sql = "SELECT u.id, u.username_lc, u.email_lc, u.first_name_lc, u.last_name_lc FROM users u"
                    + " --DERBY-PROPERTIES " + column.derbyIndex() + "\n WHERE u.tenant_id = ? AND "
                    + column.name() + " >= ? AND " + column.name() + " < ?"
                    + " AND u.listed_from <= ? AND u.listed_until > ?" + visible.condition() + " ORDER BY " + column.order() + " FETCH FIRST ? ROWS ONLY";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = CriteriaSql.bind(em.createNativeQuery(sql), parameters).getResultList();
            columns.add(rows.stream().map(row -> new Hit((String) row[0], (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4])).toList());
        }
        return merge(columns, limit, prefix, hi, page);
    }

    /**
     * Merges the first rows of each column's range (each in its own order, at most {@code limit} of them; a column
     * that returned {@code limit} rows may have more) into the page. The first {@code limit} users in order are all
     * among them, since a column holds no more rows before a user than there are users before it; so is each user
     * where its earliest match is, which is where it is kept. The total is exact unless a column may have more.
     */
    static Found merge(List<List<Hit>> columns, int limit, String lo, String hi, PageRequest page) {
        List<Key> found = new ArrayList<>();
        boolean exact = true;
        for (int c = 0; c < columns.size(); c++) {
            for (Hit hit : columns.get(c)) {
                if (first(hit, lo, hi) == c) {
                    found.add(new Key(hit, c));
                }
            }
            exact &= columns.get(c).size() < limit;
        }
        List<String> ids = found.stream().sorted(ORDER).skip(page.offset()).limit(page.size())
                .map(k -> k.hit().id()).toList();
        return new Found(ids, found.size(), exact);
    }

    /** The column a user's earliest match is in: the least matching text, then the lower column. */
    private static int first(Hit hit, String lo, String hi) {
        int first = -1;
        for (int c = 0; c < hit.values().length; c++) {
            String value = hit.values()[c];
            if (value != null && value.compareTo(lo) >= 0 && value.compareTo(hi) < 0
                    && (first < 0 || value.compareTo(hit.values()[first]) < 0)) {
                first = c;
            }
        }
        return first;
    }

    /** A match where it sorts: the text that matched, the column, the username. */
    private record Key(Hit hit, int column) {

        String text() {
            return hit.values()[column];
        }
    }
}
