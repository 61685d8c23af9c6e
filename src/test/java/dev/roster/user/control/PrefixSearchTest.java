package dev.roster.user.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.platform.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The merge of the four columns' first rows against every match sorted the slow way. */
class PrefixSearchTest {

    private static final String LO = "jo";
    private static final String HI = LO + '\uffff';

    @Test
    void eachUserOnceInTheOrderOfWhatMatched() {
        List<User> users = List.of(
                user("u1", "jones", "j@x", "bob", "smith"),
                user("u2", "amy", "john@x", "john", "jo"),
                user("u3", "zed", "z@x", "jo", "johnson"),
                user("u4", "al", "a@x", "al", null));
        PrefixSearch.Found found = PrefixSearch.merge(columns(users, 10), 10, new PageRequest(0, 20));
        // u3's first name "jo", then u2's last name "jo" (the same text in a later column), then u1's username;
        // u2's e-mail address and first name, and u3's last name, match too but come later
        assertEquals(List.of("u3", "u2", "u1"), found.ids());
        assertEquals(3, found.total());
        assertTrue(found.exact());
    }

    @Test
    void anyPageOfAnyColumnsLimitIsThePageOfTheWholeSortAndATotalThatSaysWhetherMoreFollow() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<User> users = new ArrayList<>();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                users.add(user(String.format("id%03d", i), String.format("%s%03d", name(random), i),
                        name(random) + i + "@x", random.nextInt(5) == 0 ? null : name(random),
                        random.nextInt(5) == 0 ? null : name(random)));
            }
            List<String> all = bruteForce(users);
            PageRequest page = new PageRequest(random.nextInt(4), 1 + random.nextInt(6));
            int limit = page.offset() + page.size() + 1 + random.nextInt(8);
            PrefixSearch.Found found = PrefixSearch.merge(columns(users, limit), limit, page);
            String where = "round " + round + ", " + page + ", limit " + limit;
            assertEquals(all.stream().skip(page.offset()).limit(page.size()).toList(), found.ids(), where);
            if (found.exact()) {
                assertEquals(all.size(), found.total(), where);
            } else {
                assertTrue(found.total() <= all.size(), where);
                assertTrue(found.total() > page.offset() + page.size(), where + ": says another page follows");
            }
            assertFalse(!found.exact() && all.size() < limit, where + ": exact while every column fits");
        }
    }

    /** Every matching user, sorted by its least matching text, then that column, then username. */
    private static List<String> bruteForce(List<User> users) {
        record Sorted(String id, String text, int column, String username) {
        }
        List<Sorted> matches = new ArrayList<>();
        for (User user : users) {
            Sorted best = null;
            for (int c = 0; c < 4; c++) {
                String value = user.values()[c];
                if (value != null && value.startsWith(LO) && (best == null || value.compareTo(best.text()) < 0)) {
                    best = new Sorted(user.id(), value, c, user.values()[0]);
                }
            }
            if (best != null) {
                matches.add(best);
            }
        }
        return matches.stream().sorted(Comparator.comparing(Sorted::text).thenComparingInt(Sorted::column)
                .thenComparing(Sorted::username)).map(Sorted::id).toList();
    }

    /** What the database returns: each column's matching rows in the column's order, at most {@code limit}. */
    private static List<List<PrefixSearch.Hit>> columns(List<User> users, int limit) {
        List<List<PrefixSearch.Hit>> columns = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int column = c;
            columns.add(users.stream().filter(u -> u.values()[column] != null && u.values()[column].startsWith(LO))
                    .map(u -> new PrefixSearch.Hit(u.id(), u.values()[0], column, u.values()[column]))
                    .sorted(Comparator.comparing(PrefixSearch.Hit::text).thenComparing(PrefixSearch.Hit::username))
                    .limit(limit).toList());
        }
        return columns;
    }

    private static String name(Random random) {
        String[] names = {"jo", "joe", "john", "johnson", "jones", "joy", "amy", "bob", "j", "jorge"};
        return names[random.nextInt(names.length)];
    }

    private static User user(String id, String username, String email, String first, String last) {
        return new User(id, username, email, first, last);
    }

    /** A user's id and its username, e-mail address, first and last name. */
    private record User(String id, String... values) {
    }
}
