package dev.roster.domain.boundary;

import dev.roster.domain.control.MappingCommand;
import dev.roster.domain.entity.DomainMapping;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Value;
import dev.roster.platform.Window;
import jakarta.annotation.Nullable;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Set;

/** A domain mapping with the seed's fields. */
@JsonbPropertyOrder({"domain", "icon", "theme", "activeFrom", "activeUntil"})
public record DomainMappingView(String domain, @Nullable String icon, @Nullable String theme,
                                @Nullable Instant activeFrom, @Nullable Instant activeUntil) {

    static final Set<String> FIELDS = Set.of("domain", "icon", "theme", "activeFrom", "activeUntil");

    /** The native API's mapping body (003 Domain mapping) as a command; the control checks the values. */
    static MappingCommand read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!FIELDS.contains(field)) {
                in.fail(field, "is not a field of a domain mapping; fields are domain, icon, theme, activeFrom, "
                        + "activeUntil");
            }
        }
        Value<String> domain = in.text("domain", 65_536);
        Value<String> icon = in.text("icon", 65_536);
        Value<String> theme = in.text("theme", 65_536);
        Window window = Window.read(in, Window.open());
        in.check();
        return new MappingCommand(domain, icon, theme, window.activeFrom(), window.activeUntil());
    }

    public static DomainMappingView from(DomainMapping mapping) {
        return new DomainMappingView(mapping.domain(), mapping.icon(), mapping.theme(), mapping.activeFrom(),
                mapping.activeUntil());
    }
}
