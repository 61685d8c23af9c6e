package dev.roster.service.boundary;

import dev.roster.platform.JsonInput;
import dev.roster.service.control.ServiceState;
import dev.roster.service.entity.Service;
import jakarta.annotation.Nullable;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A service of the catalog and its state for one tenant. */
@JsonbPropertyOrder({"id", "name", "paths", "enabled", "changedBy", "changedAt"})
public record ServiceView(String id, String name, List<String> paths, boolean enabled, @Nullable String changedBy,
                          @Nullable Instant changedAt) {

    public static ServiceView of(ServiceState state) {
        Service service = state.service();
        return new ServiceView(service.id(), service.title(), service.paths(), state.enabled(), state.changedBy(),
                state.changedAt());
    }

    /** The operator's switch, {@code {"enabled": true|false}}, read from the native API's body. */
    public static boolean enabled(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!field.equals("enabled")) {
                in.fail(field, "is not a field of a service switch; send {\"enabled\": true} or false");
            }
        }
        Boolean enabled = in.bool("enabled");
        if (enabled == null && in.valid()) {
            in.fail("enabled", "is required: true or false");
        }
        in.check();
        return enabled;
    }
}
