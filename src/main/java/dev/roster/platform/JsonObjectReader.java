package dev.roster.platform;

import static dev.roster.platform.JsonValues.JSON;

import dev.roster.problem.InvalidInput;
import dev.roster.problem.RosterException;
import jakarta.json.JsonException;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Reads request bodies declared as {@link JsonObject}. Any other JSON value (an array, a string, null) or an
 * empty body is a 400 naming the body, instead of the runtime's type mismatch; so is an object that names a key
 * twice (which value was meant?) or nests deeper than {@link #MAX_DEPTH}; a body over {@link #MAX_BYTES} is a
 * 413 and is not read further.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonObjectReader implements MessageBodyReader<JsonObject> {

    static final long MAX_BYTES = 1024 * 1024;
    /** Far beyond any body of Roster's APIs (they nest three or four levels), far below a deep stack. */
    static final int MAX_DEPTH = 32;
    static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.maxDepth", MAX_DEPTH));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream body = new PushbackInputStream(new LimitedInput(entity, MAX_BYTES), 1);
        int first = body.read();
        if (first == -1) {
            throw InvalidInput.malformed("a JSON object is required");
        }
        body.unread(first);
        JsonValue value;
        try (JsonReader reader = READERS.createReader(body)) {
            value = reader.readValue();
        } catch (RosterException refused) {
            throw refused;
        } catch (JsonException malformed) {
            throw malformed;
        } catch (RuntimeException tooDeep) { // Parsson's depth limit is a bare RuntimeException
            throw InvalidInput.malformed("nests deeper than " + MAX_DEPTH + " levels");
        }
        if (!(value instanceof JsonObject object)) {
            throw InvalidInput.malformed("must be a JSON object, not " + value.getValueType().name().toLowerCase());
        }
        return object;
    }
}
