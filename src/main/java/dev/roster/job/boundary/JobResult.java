package dev.roster.job.boundary;

import jakarta.annotation.Nullable;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * What became of one item of a job: its {@code index} in the request (from 0), its {@code key}, its {@code op}, its
 * {@code outcome} (succeeded or failed), the {@code status} the single request would have answered, the {@code id} of
 * what it created, and a failure's {@code error} (a problem document).
 */
public record JobResult(int index, @Nullable String key, @Nullable String op, String outcome, int status,
                        @Nullable String id, @Nullable JsonObject error) {

    static JobResult of(JsonObject stored) {
        return new JobResult(stored.getInt("index"), text(stored, "key"), text(stored, "op"),
                stored.getString("outcome"), stored.get("status") instanceof JsonNumber n ? n.intValue() : 0,
                text(stored, "id"), stored.containsKey("error") ? stored.getJsonObject("error") : null);
    }

    private static String text(JsonObject stored, String name) {
        return stored.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
