package dev.roster.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsAVersion7UuidWhoseFirst48BitsAreTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        String id = Ids.next();
        long after = System.currentTimeMillis();
        UUID uuid = UUID.fromString(id);
        assertEquals(id, uuid.toString(), "the usual 36-character lower-case form");
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        long millis = uuid.getMostSignificantBits() >>> 16;
        // more than 4,096 ids in a millisecond carry into the next one (the other test makes 20,000 at once, about
        // 5 ms ahead): an id is never earlier than the moment it was made, and never far later
        assertTrue(millis >= before && millis <= after + 50, millis + " not within " + before + ".." + after);
    }

    @Test
    void idsOfOneInstanceSortInTheOrderTheyWereMadeAndNeverRepeat() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // far more than 4,096 in a millisecond: the count carries over
            ids.add(Ids.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " before " + ids.get(i));
        }
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }
}
