package dev.roster.caller;

import java.util.Map;

/**
 * The tenant a request acts in. {@code serviceSwitches} are the tenant's service switches (service id to on or
 * off; a service not named is at its default) when they were read with the caller's credential, else null.
 */
public record ActingTenant(String id, String label, boolean active, Map<String, Boolean> serviceSwitches) {

    public ActingTenant(String id, String label, boolean active) {
        this(id, label, active, null);
    }
}
