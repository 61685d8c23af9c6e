package dev.roster.security;

import dev.roster.caller.ActingTenant;
import dev.roster.caller.Caller;
import dev.roster.caller.TenantLookup;
import dev.roster.domain.control.RequestHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Answers {@link dev.roster.caller.Caller}'s tenant lookups from the accounts and the request's mapped host (itself
 * request-scoped, reached through its proxy).
 */
@ApplicationScoped
public class TenantsForCaller implements TenantLookup {

    @Inject
    Principals principals;

    @Inject
    RequestHost host;

    @Override
    public Optional<ActingTenant> byLabel(String label) {
        return principals.tenantByLabel(label);
    }

    @Override
    public Optional<String> servedByHost() {
        return host.tenantLabel();
    }
}
