package dev.roster.apikey.boundary;

import dev.roster.platform.JsonInput;
import dev.roster.platform.Window;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/** The native API's API key body: {@code name}, and the window {@code activeFrom}/{@code activeUntil}. */
record ApiKeyJson(String name, Instant activeFrom, Instant activeUntil) {

    static final Set<String> FIELDS = Set.of("name", "activeFrom", "activeUntil");

    static ApiKeyJson read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!FIELDS.contains(field)) {
                in.fail(field, "is not a field of an API key; writable fields are name, activeFrom, activeUntil");
            }
        }
        String name = in.requiredString("name", 100);
        Window window = Window.read(in, Window.open());
        in.check();
        return new ApiKeyJson(name, window.activeFrom(), window.activeUntil());
    }
}
