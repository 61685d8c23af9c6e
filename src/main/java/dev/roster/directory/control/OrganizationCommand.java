package dev.roster.directory.control;

import dev.roster.platform.Value;

/** An organization as a request writes it: each field absent (unchanged), null (cleared) or a value. */
public record OrganizationCommand(Value<String> name, Value<String> externalId, Value<String> parentId) {
}
