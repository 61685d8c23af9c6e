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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search of the tenant's listed users by a prefix {@code q} of their username, e-mail address, first or last name,
 * at a cost that does not grow with the number of matches.
 *
 * <p>The matches come in the order of the text that matched (then by which of the four it is, then by username): an
 * exact name before the longer ones that start with it, as a type-ahead shows them. Each of the four is one range of
 * an index in that order, read only as far as the page needs (the username's from the listing index alone); the four
 * are merged, and each user is kept where it first comes. A page therefore reads at most
 * {@code 4 × (max(offset + size, EXACT) + 1)} index entries, however many users match: sorting every match by
 * username, as before, read all of them (7.2 s for a prefix of 100,000 users on Derby).
 *
 * <p>The total is exact while each of the four has at most {@link #EXACT} matches; past that it is a lower bound
 * ({@code totalExact: false}) that counts at least one match past the page whenever there is one.
 */
@ApplicationScoped
public class PrefixSearch {

    /** Each column's matches are counted exactly up to this many; past it the total is a lower bound. */
    static final int EXACT = 100;

    /** The columns searched, each with the index that reads its range in order. */
    private static final List<Column> COLUMNS = List.of(
            new Column("u.username_lc", "index=IX_USERS_LISTING", "u.username_lc"),
            new Column("u.email_lc", "constraint=UQ_USERS_EMAIL", "u.email_lc"),
            new Column("u.first_name_lc", "index=IX_USERS_FIRST_NAME", "u.first_name_lc, u.username_lc"),
            new Column("u.last_name_lc", "index=IX_USERS_LAST_NAME", "u.last_name_lc, u.username_lc"));
    /** Where a match sorts: the text that matched, then its column, then the username. */
    private static final Comparator<Hit> ORDER = Comparator.comparing(Hit::text).thenComparingInt(Hit::column)
            .thenComparing(Hit::username);

    @PersistenceContext
    EntityManager em;

    @Inject
    Visibility visibility;

    private record Column(String name, String derbyIndex, String order) {
    }

    /** A listed user that matched in a column (0 to 3, in the order of {@link #COLUMNS}) with a text. */
    record Hit(String id, String username, int column, String text) {
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
            // Derby reads the index hint from the comment (and would otherwise sort the whole range); others skip it.
            // The username's range is read from the listing index alone.
            String sql = "SELECT u.id, u.username_lc, " + column.name() + " FROM users u --DERBY-PROPERTIES "
                    + column.derbyIndex() + "\n WHERE u.tenant_id = ? AND " + column.name() + " >= ? AND "
                    + column.name() + " < ? AND u.listed_from <= ? AND u.listed_until > ?" + visible.condition()
                    + " ORDER BY " + column.order() + " FETCH FIRST ? ROWS ONLY";
            int index = columns.size();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = CriteriaSql.bind(em.createNativeQuery(sql), parameters).getResultList();
            columns.add(rows.stream().map(row -> new Hit((String) row[0], (String) row[1], index, (String) row[2]))
                    .toList());
        }
        return merge(columns, limit, page);
    }

    /**
     * Merges the first rows of each column's range (each in its own order, at most {@code limit} of them; a column
     * that returned {@code limit} rows may have more) into the page, each user where it first comes. The first
     * {@code limit} users in order are all among them, each at its earliest match, since a column holds no more rows
     * before a user than there are users before it; a user that comes later may come at a later match of its own,
     * but is a match all the same, so the count is still a lower bound. The total is exact unless a column may have
     * more.
     */
    static Found merge(List<List<Hit>> columns, int limit, PageRequest page) {
        Set<String> found = new LinkedHashSet<>();
        columns.stream().flatMap(List::stream).sorted(ORDER).forEach(hit -> found.add(hit.id()));
        boolean exact = columns.stream().allMatch(rows -> rows.size() < limit);
        return new Found(found.stream().skip(page.offset()).limit(page.size()).toList(), found.size(), exact);
    }
}
