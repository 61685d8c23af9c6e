package dev.roster.domain.boundary;

import dev.roster.domain.entity.DomainMapping;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A domain mapping with the seed's fields. */
@JsonbPropertyOrder({"domain", "icon", "theme", "activeFrom", "activeUntil"})
public record DomainMappingView(String domain, String icon, String theme, Instant activeFrom, Instant activeUntil) {

    public static DomainMappingView from(DomainMapping mapping) {
        return new DomainMappingView(mapping.domain(), mapping.icon(), mapping.theme(), mapping.activeFrom(),
                mapping.activeUntil());
    }
}
