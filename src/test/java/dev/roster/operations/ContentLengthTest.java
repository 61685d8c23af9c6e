package dev.roster.operations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentLengthTest {

    @Test
    void anAnswerWithinTheLimitIsHeldUntilReleasedWhateverIsFlushed() throws IOException {
        ByteArrayOutputStream beneath = new ByteArrayOutputStream();
        ContentLength.Held held = new ContentLength.Held(beneath, 16);
        held.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
        held.write('1');
        held.flush();
        held.write('}');
        held.close();
        assertEquals(0, beneath.size(), "nothing reaches the stream before the length is known");
        assertTrue(held.holding());
        assertEquals(7, held.size());
        held.release();
        assertEquals("{\"a\":1}", beneath.toString(StandardCharsets.UTF_8));
        assertFalse(held.holding());
    }

    @Test
    void anAnswerPastTheLimitWritesThroughInOrderFromThatPoint() throws IOException {
        ByteArrayOutputStream beneath = new ByteArrayOutputStream();
        ContentLength.Held held = new ContentLength.Held(beneath, 8);
        byte[] first = "12345".getBytes(StandardCharsets.UTF_8);
        byte[] second = "6789abc".getBytes(StandardCharsets.UTF_8);
        held.write(first);
        assertEquals(0, beneath.size());
        held.write(second);
        assertFalse(held.holding(), "past the limit nothing is held");
        held.write('d');
        held.write("ef".getBytes(StandardCharsets.UTF_8), 0, 2);
        assertArrayEquals("123456789abcdef".getBytes(StandardCharsets.UTF_8), beneath.toByteArray());
    }

    @Test
    void aSingleByteThatReachesTheLimitIsStillHeldAndOnePastItIsNot() throws IOException {
        ByteArrayOutputStream beneath = new ByteArrayOutputStream();
        ContentLength.Held held = new ContentLength.Held(beneath, 2);
        held.write('a');
        held.write('b');
        assertTrue(held.holding(), "exactly the limit is held");
        held.write('c');
        assertFalse(held.holding());
        assertEquals("abc", beneath.toString(StandardCharsets.UTF_8));
    }
}
