package dev.roster.domain.control;

import dev.roster.platform.Value;
import java.time.Instant;

/**
 * A domain mapping as a client writes it: the domain, and icon, theme and window, which a write replaces (absent is
 * {@code null}, an open end).
 */
public record MappingCommand(Value<String> domain, Value<String> icon, Value<String> theme, Instant activeFrom,
                             Instant activeUntil) {
}
