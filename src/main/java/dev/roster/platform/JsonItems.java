package dev.roster.platform;

import static dev.roster.platform.JsonValues.JSON;

import dev.roster.problem.InvalidInput;
import dev.roster.problem.RosterException;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a large request body an item at a time: a JSON object whose one member is an array of items (Kore.ai's
 * {@code {"users": [...]}}). Each item is handed over as soon as it is read, so a body of thousands of items is never
 * held in memory as a whole. The limits of {@link JsonObjectReader} hold: size (413), depth, duplicate keys.
 */
public final class JsonItems {

    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.maxDepth", JsonObjectReader.MAX_DEPTH));

    private JsonItems() {
    }

    /**
     * Reads {@code body}, at most {@code maxBytes} long: an object with the one member {@code field}, an array of 1 to
     * {@code maxItems} items, each given to {@code each} in order. Any other shape is a 400 naming what is wrong.
     */
    public static void read(InputStream body, long maxBytes, String field, int maxItems, Consumer<JsonValue> each) {
        String shape = "must be an array of 1 to " + maxItems + " items";
        try (JsonParser parser = PARSERS.createParser(new LimitedInput(body, maxBytes))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw InvalidInput.malformed("must be a JSON object {\"" + field + "\": [...]}");
            }
            int count = -1;
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                if (!key.equals(field)) {
                    throw new InvalidInput(key, "is not a field of the request; send {\"" + field + "\": [...]}");
                }
                if (count >= 0 || parser.next() != JsonParser.Event.START_ARRAY) {
                    throw new InvalidInput(field, shape);
                }
                count = 0;
                while (parser.next() != JsonParser.Event.END_ARRAY) {
                    if (++count > maxItems) {
                        throw new InvalidInput(field, shape);
                    }
                    each.accept(parser.getValue());
                }
            }
            if (count <= 0) {
                throw new InvalidInput(field, shape);
            }
            if (parser.hasNext()) {
                throw InvalidInput.malformed("holds more than one JSON value");
            }
        } catch (RosterException | JsonException refused) {
            throw refused;
        } catch (RuntimeException tooDeep) { // Parsson's depth limit is a bare RuntimeException
            throw InvalidInput.malformed("nests deeper than " + JsonObjectReader.MAX_DEPTH + " levels");
        }
    }
}
