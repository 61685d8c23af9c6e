package dev.roster.security;

import dev.roster.caller.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** A tenant user's request that names another tenant in {@code X-Tenant} is refused on every endpoint. */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class TenantHeaderFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.checkTenantHeader();
    }
}
