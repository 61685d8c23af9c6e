package dev.roster.caller;

import java.util.Optional;

/**
 * What {@link Caller} needs to know of tenants, answered by the security layer: the tenant a label names, and the
 * tenant the request's host serves through a domain mapping.
 */
public interface TenantLookup {

    Optional<ActingTenant> byLabel(String label);

    /** The label of the tenant the request's {@code Host} is mapped to, if it is and the mapping is active. */
    Optional<String> servedByHost();
}
