package dev.roster.service.control;

import dev.roster.service.entity.Service;
import java.time.Instant;

/** A service of the catalog and its state for one tenant: who switched it last, and when (null: never). */
public record ServiceState(Service service, boolean enabled, String changedBy, Instant changedAt) {
}
