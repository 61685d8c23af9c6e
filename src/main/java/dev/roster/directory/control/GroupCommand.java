package dev.roster.directory.control;

import dev.roster.platform.Value;

/** A group as a request writes it: each field absent (unchanged), null (cleared) or a value. */
public record GroupCommand(Value<String> displayName, Value<String> description, Value<String> externalId) {
}
