package dev.roster.security;

import dev.roster.caller.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * Answers {@code @RolesAllowed}'s question "is the caller in this role?" from the roles {@link RosterAuthentication}
 * gave the container for the caller, which under Payara's default mapping are the caller's groups and roles alike.
 * The container's own answer asks its JACC policy once per role named, through a lock shared by every request (an
 * operator's read of a user asked six times: a twentieth of the read's time). A request with no caller keeps the
 * container's security context.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 2)
public class CallerRolesFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (caller.authenticated()) {
            request.setSecurityContext(new Roles(request.getSecurityContext(), caller.identity().roles()));
        }
    }

    /** The container's security context, with the caller's roles. */
    private record Roles(SecurityContext container, Set<String> roles) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return container.getUserPrincipal();
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return container.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return container.getAuthenticationScheme();
        }
    }
}
