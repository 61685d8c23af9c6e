package dev.roster.user.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AnchorsTest {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /** The anchors a walk of {@code list} records: every step-th key, with that many keys before it. */
    static Anchors walk(List<String> list, int step) {
        List<String> keys = new ArrayList<>();
        for (int before = step; before < list.size(); before += step) {
            keys.add(list.get(before));
        }
        return new Anchors(AT, step, keys);
    }

    @Test
    void withoutChangesAnOffsetStartsFromTheLastAnchorAtOrBeforeIt() {
        Anchors anchors = walk(List.of("a", "b", "c", "d", "e", "f", "g"), 2); // c at 2, e at 4, g at 6
        NavigableMap<String, Long> none = new TreeMap<>();
        assertEquals(Optional.empty(), anchors.start(1, none));
        assertEquals(Optional.of(new Anchors.Start("c", 0)), anchors.start(2, none));
        assertEquals(Optional.of(new Anchors.Start("e", 1)), anchors.start(5, none));
        assertEquals(Optional.of(new Anchors.Start("g", 94)), anchors.start(100, none));
    }

    /** Production's step: the first thousand entries are read the plain way, deeper ones from a known place. */
    @Test
    void withTheDefaultStepEveryThousandthKeyIsAPlaceToStartFrom() {
        int step = Integer.parseInt(ListingAnchors.DEFAULT_STEP);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            list.add(String.format("u%05d", i));
        }
        Anchors anchors = walk(list, step);
        NavigableMap<String, Long> none = new TreeMap<>();
        assertEquals(List.of("u01000", "u02000"), anchors.keys());
        assertEquals(Optional.empty(), anchors.start(999, none));
        assertEquals(Optional.of(new Anchors.Start("u01000", 0)), anchors.start(1_000, none));
        assertEquals(Optional.of(new Anchors.Start("u02000", 499)), anchors.start(2_499, none));
    }

    @Test
    void aChangeMovesTheAnchorsAfterItsKeyOnly() {
        Anchors anchors = walk(List.of("a", "b", "c", "d", "e", "f", "g"), 2);
        NavigableMap<String, Long> changes = new TreeMap<>();
        changes.put("a0", 1L); // a user listed before c: c is now at 3
        changes.put("d", -1L); // d left the list: e stays at 4 + 1 - 1
        changes.put("g", -1L); // g itself left: still 6 keys before its place
        assertEquals(Optional.empty(), anchors.start(2, changes));
        assertEquals(Optional.of(new Anchors.Start("c", 0)), anchors.start(3, changes));
        assertEquals(Optional.of(new Anchors.Start("e", 0)), anchors.start(4, changes));
        assertEquals(Optional.of(new Anchors.Start("g", 1)), anchors.start(7, changes));
    }

    @Test
    void startingFromTheAnchorReachesExactlyTheEntryAtTheOffsetAfterAnyChanges() {
        Random random = new Random(20261122);
        for (int round = 0; round < 200; round++) {
            TreeSet<String> list = new TreeSet<>();
            while (list.size() < 1 + random.nextInt(300)) {
                list.add(name(random));
            }
            int step = 1 + random.nextInt(20);
            Anchors anchors = walk(new ArrayList<>(list), step);
            NavigableMap<String, Long> changes = new TreeMap<>();
            for (int c = random.nextInt(60); c > 0; c--) {
                String key = random.nextBoolean() || list.isEmpty() ? name(random) : pick(list, random);
                long delta = list.contains(key) ? -1 : 1; // it leaves the list, or joins it
                if (delta < 0) {
                    list.remove(key);
                } else {
                    list.add(key);
                }
                changes.merge(key, delta, Long::sum);
            }
            List<String> now = new ArrayList<>(list);
            for (int o = 0; o < now.size() + 3; o++) {
                int offset = o;
                Optional<Anchors.Start> start = anchors.start(offset, changes);
                String expected = offset < now.size() ? now.get(offset) : null;
                String reached = start.map(s -> at(list.tailSet(s.key(), true), s.skip())).orElse(at(list, offset));
                assertEquals(expected, reached, "round " + round + ", offset " + offset);
                start.ifPresent(s -> assertTrue(s.skip() >= 0 && s.skip() <= offset));
            }
        }
    }

    private static String name(Random random) {
        return "u" + random.nextInt(1000);
    }

    private static String pick(TreeSet<String> list, Random random) {
        return new ArrayList<>(list).get(random.nextInt(list.size()));
    }

    private static String at(java.util.SortedSet<String> list, long skip) {
        return list.stream().skip(skip).findFirst().orElse(null);
    }
}
