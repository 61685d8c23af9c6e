package dev.roster.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.problem.InvalidInput;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowTest {

    static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-02-01T00:00:00Z");

    @Test
    void theStartIsInsideTheEndIsNotAndNullIsOpen() {
        assertTrue(Window.contains(FROM, UNTIL, FROM));
        assertFalse(Window.contains(FROM, UNTIL, UNTIL));
        assertFalse(Window.contains(FROM, UNTIL, FROM.minusMillis(1)));
        assertTrue(Window.contains(null, UNTIL, Instant.EPOCH));
        assertTrue(Window.contains(FROM, null, Instant.parse("2999-01-01T00:00:00Z")));
        assertTrue(Window.contains(null, null, Instant.now()));
    }

    @Test
    void aFieldLeftOutKeepsTheCurrentEndAndAWindowEndingBeforeItStartsIsRefused() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("activeUntil", "2024-03-01T00:00:00Z").build());
        Window read = Window.read(in, new Window(FROM, UNTIL));
        assertEquals(FROM, read.activeFrom());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), read.activeUntil());
        in.check();

        JsonInput backwards = JsonInput.of(Json.createObjectBuilder().add("activeFrom", "2024-03-01T00:00:00Z").build());
        Window.read(backwards, new Window(FROM, UNTIL));
        InvalidInput refused = assertThrows(InvalidInput.class, backwards::check);
        assertEquals("activeUntil", refused.fields().get(0).field());
    }
}
