package dev.roster.service.boundary;

import dev.roster.service.entity.Service;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A service of the catalog and its state for one tenant. */
@JsonbPropertyOrder({"id", "name", "paths", "enabled", "changedBy", "changedAt"})
public record ServiceView(String id, String name, List<String> paths, boolean enabled, String changedBy,
                          Instant changedAt) {

    public static ServiceView of(Service service, boolean enabled, String changedBy, Instant changedAt) {
        return new ServiceView(service.id(), service.title(), service.paths(), enabled, changedBy, changedAt);
    }
}
