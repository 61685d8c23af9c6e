package dev.roster.tenant.control;

import dev.roster.platform.Value;

/** What a client asks of a tenant: each field absent (keep it), null (clear it) or a value. */
public record TenantCommand(Value<String> label, Value<String> name, Value<String> icon, Value<String> theme,
                            Value<Boolean> active) {
}
