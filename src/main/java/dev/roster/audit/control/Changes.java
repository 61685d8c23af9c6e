package dev.roster.audit.control;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a change altered, field by field; secrets are recorded as changed, never with their values. */
public final class Changes {

    private final Map<String, Object[]> fields = new LinkedHashMap<>();
    private final Map<String, Boolean> secrets = new LinkedHashMap<>();

    /** Notes {@code field} going from {@code before} to {@code after}, if they differ. */
    public Changes note(String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.put(field, new Object[] {before, after});
        }
        return this;
    }

    public Changes secret(String field) {
        secrets.put(field, true);
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && secrets.isEmpty();
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        fields.forEach((field, values) -> json.add(field, JSON.createObjectBuilder()
                .add("from", text(values[0])).add("to", text(values[1]))));
        secrets.keySet().forEach(field -> json.add(field, JSON.createObjectBuilder().add("changed", true)));
        String text = json.build().toString();
        return text.length() > 8000 ? text.substring(0, 7990) + "...\"}" : text;
    }

    private static jakarta.json.JsonValue text(Object value) {
        return value == null ? jakarta.json.JsonValue.NULL : JSON.createValue(value.toString());
    }
}
