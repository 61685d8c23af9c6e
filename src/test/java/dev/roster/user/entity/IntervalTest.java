package dev.roster.user.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The union of privilege windows that decides when a user is listed, and how it is stored on the user. */
class IntervalTest {

    static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    static Interval at(int from, int until) {
        return new Interval(T.plusSeconds(from), T.plusSeconds(until));
    }

    @Test
    void overlappingAndTouchingWindowsMergeAndSeparateOnesStaySeparate() {
        assertEquals(List.of(at(0, 30), at(40, 50)),
                Interval.union(List.of(at(40, 50), at(10, 30), at(0, 10), at(5, 20))));
        assertEquals(List.of(), Interval.union(List.of(at(5, 5), at(9, 3))), "empty windows count for nothing");
    }

    @Test
    void windowsSurviveStorageIncludingThePastAndTheEndOfTime() {
        List<Interval> windows = List.of(new Interval(Instant.parse("1900-01-01T00:00:00Z"), T), at(10, 20),
                new Interval(T.plusSeconds(30), User.NEVER));
        assertEquals(windows, Interval.decode(Interval.encode(windows)));
    }

    @Test
    void theStoredWindowIsTheCurrentOrNextAndTheUserIsRelistedWhenItEnds() {
        User user = new User("tenant", "tri", "tri@example.com");
        user.list(List.of(at(0, 10), at(20, 30), at(40, 50)), T.plusSeconds(15));
        assertEquals(T.plusSeconds(20), user.listedFrom());
        assertEquals(T.plusSeconds(30), user.listedUntil());
        assertEquals(T.plusSeconds(30), user.relistAt());
        assertEquals(List.of(at(20, 30), at(40, 50)), user.listedWindows());
        user.list(user.listedWindows(), T.plusSeconds(35));
        assertEquals(T.plusSeconds(40), user.listedFrom());
        assertEquals(null, user.relistAt(), "nothing follows the last one");
        user.list(List.of(), T);
        assertEquals(User.NEVER, user.listedFrom());
        assertEquals(List.of(), user.listedWindows());
    }
}
